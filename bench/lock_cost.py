"""What the session lock costs per cart change, for each engine that has one.

    .venv/bin/python -m bench.lock_cost [--write]

Bakes one project per engine and store, runs probes/lock_probe.py in each (Django's
test client, in-process), and prints the median time per change with and without
SessionLockMiddleware, with the spread of the rounds. PostgreSQL and Redis are those of
DATABASE_URL and REDIS_URL. With --write, the table
also replaces the one in the generated project's README. A benchmark, not a test: it
asserts no time.
"""

import argparse
import json
import platform
import tempfile
from datetime import date
from pathlib import Path

from tests.baking import FORGET_REDIS_KEYS, MANAGE_DATABASE
from tests.combinations import TEMPLATE_DIR

from .common import bake, median, probe, spread, write_between

# Each engine that has a lock, on each store that gives it another kind of lock.
SETUPS = {
    "`db` on SQLite: a lock file": {"session_engine": "db"},
    "`db` on PostgreSQL: a row lock": {
        "session_engine": "db",
        "database": "postgresql",
    },
    "`cached_db` on SQLite: a lock file": {"session_engine": "cached_db"},
    "`cache` in local memory: a thread lock": {"session_engine": "cache"},
    "`cache` in Redis: a Redis lock": {
        "session_engine": "cache",
        "cache_backend": "redis",
    },
    "`file`: a lock file": {"session_engine": "file"},
}
README = TEMPLATE_DIR / "{{cookiecutter.project_slug}}" / "README.md"
MARKERS = ("<!-- lock-cost:start -->", "<!-- lock-cost:end -->")


def milliseconds(seconds):
    return f"{median(seconds) * 1000:.2f} ms (±{spread(seconds) * 1000:.2f})"


def table(results, changes, rounds):
    lines = [
        f"Median of {rounds} rounds of {changes} cart changes each, ± half the "
        "range; one session, Django's test client in-process, PostgreSQL and Redis "
        f"on the same machine. Measured {date.today()} on {platform.machine()} "
        f"Linux with Python {platform.python_version()}, by `bench/lock_cost.py`.",
        "",
        "| Engine, store and lock | Without the lock | With the lock | Cost |",
        "|---|---|---|---|",
    ]
    for setup, figures in results.items():
        cost = median(figures["with"]) - median(figures["without"])
        noise = max(spread(figures["with"]), spread(figures["without"]))
        verdict = " (within the spread)" if abs(cost) <= noise else ""
        lines.append(
            f"| {setup} | {milliseconds(figures['without'])} "
            f"| {milliseconds(figures['with'])} | {cost * 1000:+.2f} ms{verdict} |"
        )
    return "\n".join(lines)


def measure(workdir, name, answers, arguments):
    """Bake, run the probe, and leave the shared servers as they were."""
    project = bake(workdir, name, **answers)
    database = "DATABASE_URL" in project.service_environment
    if database:
        project.run("-c", MANAGE_DATABASE, "create")
    try:
        return json.loads(
            probe(project, "lock_probe.py", arguments.changes, arguments.rounds)
        )
    finally:
        if database:
            project.run("-c", MANAGE_DATABASE, "drop")
        if "REDIS_URL" in project.service_environment:
            project.manage("shell", "-c", FORGET_REDIS_KEYS)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update the README")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        results = {
            setup: measure(Path(workdir), f"locks_{number}", answers, arguments)
            for number, (setup, answers) in enumerate(SETUPS.items())
        }
    text = table(results, arguments.changes, arguments.rounds)
    print(text)
    if arguments.write:
        write_between(README, MARKERS, text)


if __name__ == "__main__":
    main()
