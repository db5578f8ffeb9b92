"""The benchmark harness: reading wrk, writing the README, a one-second run of it all.

No test here asserts a time: the harness prints figures, and `python -m bench` (outside
the test run) is what writes them into the README.
"""

import subprocess
import sys

import pytest

from bench.__main__ import SMOKE_ENGINES
from bench.common import write_between
from bench.wrk import parse
from harness import TEMPLATE_DIR
from harness.services import require, require_program

WRK_OUTPUT = """Running 1s test @ http://127.0.0.1:8765/nope
  2 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   802.75us  359.92us   6.18ms   84.27%
    Req/Sec     1.18k   122.00     1.28k    81.82%
  Latency Distribution
     50%  752.00us
     75%    0.94ms
     90%    1.13ms
     99%    1.84ms
  2587 requests in 1.10s, 1.28MB read
  Non-2xx or 3xx responses: 2587
Requests/sec:   2351.49
Transfer/sec:      1.17MB
"""


def test_wrk_output_gives_rate_latencies_in_milliseconds_and_failures():
    assert parse(WRK_OUTPUT) == {
        "rps": 2351.49,
        "p50": pytest.approx(0.752),
        "p99": 1.84,
        "failed": 2587,
    }


def test_wrk_output_without_failures_counts_none():
    clean = WRK_OUTPUT.replace("  Non-2xx or 3xx responses: 2587\n", "")
    assert parse(clean)["failed"] == 0


MARKERS = ("<!-- x:start -->", "<!-- x:end -->")


def test_figures_replace_only_what_lies_between_the_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{MARKERS[0]}\nold\nfigures\n{MARKERS[1]}\nafter\n")
    write_between(readme, MARKERS, "new")
    assert readme.read_text() == f"before\n{MARKERS[0]}\nnew\n{MARKERS[1]}\nafter\n"


def test_a_readme_without_markers_is_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no section here\n")
    with pytest.raises(SystemExit, match="has no"):
        write_between(readme, MARKERS, "new")
    assert readme.read_text() == "no section here\n"


@pytest.mark.xdist_group("bench")
def test_the_whole_harness_runs_and_prints_every_table():
    """Each part once, for a second: whether the harness still works with the template
    it measures. The figures it prints are not checked: that would be a timed test."""
    require("DATABASE_URL", "REDIS_URL")
    require_program("wrk", "wrk")
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=TEMPLATE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for engine in SMOKE_ENGINES:
        assert f"| `{engine}` |" in result.stdout
    for heading in (
        "**Under load.**",
        "**Our cart against the tutorial's**",
        "**As the cart grows.**",
        "**Generating a project.**",
        "Goal: ",
        "| `db` (PostgreSQL) |",  # what the guards cost
    ):
        assert heading in result.stdout
