"""The benchmark harness's own parts that need no load: reading wrk, writing the README.

The harness itself (`python -m bench`) runs outside the test matrix: it prints figures
and no test asserts a time.
"""

import pytest

from bench.common import write_between
from bench.wrk import parse

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
