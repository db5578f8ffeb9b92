"""What the session lock costs per cart change, for each engine that has one.

    .venv/bin/python -m bench.lock_cost [--write]

Bakes one project per engine, runs probes/lock_probe.py in each (Django's test client,
in-process, SQLite and local memory), and prints the median time per change with and
without SessionLockMiddleware, with the spread of the rounds. With --write, the table
also replaces the one in the generated project's README. A benchmark, not a test: it
asserts no time.
"""

import argparse
import json
import platform
import tempfile
from datetime import date
from pathlib import Path

from tests.combinations import TEMPLATE_DIR

from .common import bake, median, probe, spread, write_between

ENGINES = ["db", "cached_db", "cache", "file"]
README = TEMPLATE_DIR / "{{cookiecutter.project_slug}}" / "README.md"
MARKERS = ("<!-- lock-cost:start -->", "<!-- lock-cost:end -->")


def milliseconds(seconds):
    return f"{median(seconds) * 1000:.2f} ms (±{spread(seconds) * 1000:.2f})"


def table(results, changes, rounds):
    lines = [
        f"Median of {rounds} rounds of {changes} cart changes each, ± half the "
        "range; one session, Django's test client in-process, SQLite and local "
        f"memory. Measured {date.today()} on {platform.machine()} Linux with "
        f"Python {platform.python_version()}, by `bench/lock_cost.py`.",
        "",
        "| Engine | Without the lock | With the lock | Cost of the lock |",
        "|---|---|---|---|",
    ]
    for engine, figures in results.items():
        cost = median(figures["with"]) - median(figures["without"])
        noise = max(spread(figures["with"]), spread(figures["without"]))
        verdict = " (within the spread)" if abs(cost) <= noise else ""
        lines.append(
            f"| `{engine}` | {milliseconds(figures['without'])} "
            f"| {milliseconds(figures['with'])} | {cost * 1000:+.2f} ms{verdict} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update the README")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        results = {
            engine: json.loads(
                probe(
                    bake(Path(workdir), f"locks_{engine}", session_engine=engine),
                    "lock_probe.py",
                    arguments.changes,
                    arguments.rounds,
                )
            )
            for engine in ENGINES
        }
    text = table(results, arguments.changes, arguments.rounds)
    print(text)
    if arguments.write:
        write_between(README, MARKERS, text)


if __name__ == "__main__":
    main()
