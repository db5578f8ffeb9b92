"""The benchmark harness: what each engine costs, our cart against the tutorial's,
session growth, generation time, and what the session lock and the guards cost.

    .venv/bin/python -m bench            # all of it, README section and plot refreshed
    .venv/bin/python -m bench --quick    # shorter runs, nothing written
    .venv/bin/python -m bench --smoke    # each part once, briefly: does it all run?

Needs wrk (apt-get install wrk), and PostgreSQL and Redis at DATABASE_URL and
REDIS_URL. Benchmarks print figures; nothing here asserts a time.
"""

import argparse
import tempfile
import time
from pathlib import Path

from . import guard_cost, lock_cost, report
from .common import bake, machine, needs
from .engines import ENGINES, engine_table, side_by_side
from .generation import generation
from .wrk import require_wrk

# A smoke run shows that the harness works, not what the engines cost: one engine that
# keeps sessions on a server (PostgreSQL) and the one that keeps them in the cookie.
SMOKE_ENGINES = ("db", "signed_cookies")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs, no writing")
    parser.add_argument(
        "--smoke", action="store_true", help="each part once, briefly, no writing"
    )
    arguments = parser.parse_args(argv)
    repeat, seconds = (
        (1, 1) if arguments.smoke else (3, 2) if arguments.quick else (3, 5)
    )
    write = not (arguments.quick or arguments.smoke)
    require_wrk()
    needs("DATABASE_URL", "REDIS_URL")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        engines = SMOKE_ENGINES if arguments.smoke else tuple(ENGINES)
        load_figures, growth = engine_table(workdir, repeat, seconds, engines)
        versus = side_by_side(workdir, repeat, seconds)
        reference = bake(workdir, "bench_reference")
        figures_of_generation = generation(repeat=repeat if arguments.smoke else 9)
        stores = {engine: store for engine, (store, _) in ENGINES.items()}
        text = report.section(
            machine(reference),
            (repeat, seconds),
            load_figures,
            stores,
            versus,
            growth,
            figures_of_generation,
        )
    print(text)
    if write:
        report.write_into_readme(text)
        report.plot(growth, stores)
        lock_cost.main(["--write"])
        guard_cost.main(["--write"])
    elif arguments.smoke:
        guard_cost.main(["--only", "db", "--rounds", "1", "--seconds", "1"])
    print(f"\nThe harness took {(time.monotonic() - started) / 60:.1f} minutes.")


if __name__ == "__main__":
    main()
