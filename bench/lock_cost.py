"""What the session lock costs per cart change, for each engine that has one.

    .venv/bin/python -m bench.lock_cost [--write]

Bakes one project per engine and store, runs probes/lock_probe.py in each (Django's
test client, in-process), and prints the median time per change with and without
the session lock (SESSION_GUARD_LOCK), with the spread of the rounds. PostgreSQL and
Redis are those of DATABASE_URL and REDIS_URL. With --write, the table also replaces
the one in the generated project's docs/sessions.md. A benchmark, not a test: it
asserts no time.
"""

import platform
from datetime import date

from .common import median, probe_each_setup, spread

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
MARKERS = ("<!-- lock-cost:start -->", "<!-- lock-cost:end -->")


def milliseconds(seconds):
    return f"{median(seconds) * 1000:.2f} ms (±{spread(seconds) * 1000:.2f})"


def table(results, changes, rounds):
    lines = [
        f"Median of {rounds} rounds of {changes} cart changes each, ± half the "
        "range; one session, Django's test client in-process with DEBUG off, "
        f"PostgreSQL and Redis on the same machine. Measured {date.today()} on "
        f"{platform.machine()} Linux with Python {platform.python_version()}, by "
        "`bench/lock_cost.py`.",
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


def main(argv=None):
    probe_each_setup(
        argv, __doc__.splitlines()[0], SETUPS, "lock_probe.py", table, MARKERS
    )


if __name__ == "__main__":
    main()
