"""What the per-request guards cost a signed-in cart change, for each engine.

    .venv/bin/python -m bench.guard_cost [--write]

The guards: the session lock, the sessions record, the idle timeout (at 900 s), the
Content-Security-Policy and sign-in throttling. Bakes one project per engine, runs
probes/guard_probe.py in each (Django's test client, in-process) with all guards on,
without the sessions record, without the idle timeout and with none, interleaved, and
prints the median time per change and the throughput each costs. With --write, the table
also replaces the one in the generated project's README. A benchmark, not a test: it
asserts no time.
"""

import platform
from datetime import date

from .common import median, probe_each_setup

SETUPS = {
    "`db` (SQLite)": {"session_engine": "db"},
    "`cached_db` (SQLite, local memory)": {"session_engine": "cached_db"},
    "`cache` (local memory)": {"session_engine": "cache"},
    "`cache` (Redis)": {"session_engine": "cache", "cache_backend": "redis"},
    "`file`": {"session_engine": "file"},
    "`signed_cookies`": {"session_engine": "signed_cookies"},
}
MARKERS = ("<!-- guard-cost:start -->", "<!-- guard-cost:end -->")
# The probe's variants each column compares all guards with, in column order.
VARIANTS_LEFT_OUT = ["none", "without the sessions record", "without the idle timeout"]


def throughput_lost(slower, faster):
    """Return the share of requests per second lost going from faster to slower."""
    return f"{(1 - median(faster) / median(slower)) * 100:.0f}%"


def table(results, changes, rounds):
    lines = [
        f"Median of {rounds} rounds of {changes} signed-in cart changes each, the "
        "variants interleaved; Django's test client in-process with DEBUG off, "
        f"Redis on the same machine. Measured {date.today()} on "
        f"{platform.machine()} Linux with Python {platform.python_version()}, by "
        "`bench/guard_cost.py`.",
        "",
        "| Engine | No guards | All guards | Throughput lost to all | "
        "to the sessions record | to the idle timeout |",
        "|---|---|---|---|---|---|",
    ]
    for setup, figures in results.items():
        every_guard = figures["all"]
        cells = [
            setup,
            f"{median(figures['none']) * 1000:.2f} ms",
            f"{median(every_guard) * 1000:.2f} ms",
            *(
                throughput_lost(every_guard, figures[variant])
                for variant in VARIANTS_LEFT_OUT
            ),
        ]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv=None):
    # Four variants: rounds of a multiple of four let each go first equally often.
    probe_each_setup(
        argv,
        __doc__.splitlines()[0],
        SETUPS,
        "guard_probe.py",
        table,
        MARKERS,
        changes=400,
        rounds=12,
    )


if __name__ == "__main__":
    main()
