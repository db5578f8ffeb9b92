"""What the per-request guards cost signed-in cart changes under load, per engine.

    .venv/bin/python -m bench.guard_cost [--write] [--only ENGINE] [--rounds N]
                                           [--seconds S]

The guards: the session lock, the sessions record, the idle timeout (at 900 s), the
Content-Security-Policy and sign-in throttling. Bakes one project per engine, on the
stores the engine table uses, and serves it four times under gunicorn as in
production: with every guard, without the sessions record, without the idle timeout and
with none. wrk drives each in turn, interleaved, with the same signed-in visitors adding
to their carts, and the table gives requests per second and the throughput each guard
costs. With --write, the table also replaces the one in the generated project's README.
A benchmark, not a test: it asserts no time.
"""

import argparse
import tempfile
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from harness.servers import gunicorn

from .common import GENERATED_README, bake, machine, median, write_between
from .engines import ENGINES
from .serving import served, signed_in_visitors
from .wrk import load

MARKERS = ("<!-- guard-cost:start -->", "<!-- guard-cost:end -->")
# The middleware of each guard: the session lock, the sessions record, the idle
# timeout, the Content-Security-Policy (django-csp or Django's own), sign-in throttling.
GUARDS = (
    ".SessionLockMiddleware",
    ".SignedInSessionMiddleware",
    ".IdleTimeoutMiddleware",
    ".CSPMiddleware",
    ".ContentSecurityPolicyMiddleware",
    ".AxesMiddleware",
)
IDLE_TIMEOUT = 900
# variant: (the guards' middleware it leaves out, its idle timeout); the first is the
# bake as made, which every column compares with.
VARIANTS = {
    "all": ((), IDLE_TIMEOUT),
    "without the sessions record": ((".SignedInSessionMiddleware",), IDLE_TIMEOUT),
    "without the idle timeout": ((), 0),
    "none": (GUARDS, 0),
}
# What each column after the first two compares every guard with.
COMPARED_WITH = ["none", "without the sessions record", "without the idle timeout"]
VARIANT_SETTINGS = """from .bench import *  # noqa: F403

LEFT_OUT = {left_out!r}
MIDDLEWARE = [name for name in MIDDLEWARE if not name.endswith(LEFT_OUT)]  # noqa: F405
SESSION_GUARD_IDLE_TIMEOUT = {idle_timeout}
"""


@contextmanager
def served_variants(project, workdir):
    """Serve the project once per variant while the block runs: ({variant: server},
    the servers' environment)."""
    first, *others = VARIANTS
    with ExitStack() as stack:
        server, environment = stack.enter_context(served(project, workdir / "all.log"))
        servers = {first: server}
        for number, variant in enumerate(others):
            left_out, idle_timeout = VARIANTS[variant]
            module = f"bench_variant_{number}"
            settings = project.path / "config" / "settings" / f"{module}.py"
            settings.write_text(
                VARIANT_SETTINGS.format(left_out=left_out, idle_timeout=idle_timeout)
            )
            servers[variant] = stack.enter_context(
                gunicorn(
                    project,
                    workdir / f"{module}.log",
                    **{
                        **environment,
                        "DJANGO_SETTINGS_MODULE": f"config.settings.{module}",
                    },
                )
            )
        yield servers, environment


def measure(workdir, engine, answers, rounds, seconds):
    """Return {variant: [requests per second, one per round]} for one engine."""
    project = bake(
        workdir,
        f"guards_{engine}",
        session_engine=engine,
        session_idle_timeout=IDLE_TIMEOUT,
        **answers,
    )
    with served_variants(project, workdir) as (servers, environment):
        visitors = signed_in_visitors(project, servers["all"].url, environment)
        figures = {variant: [] for variant in VARIANTS}
        order = list(VARIANTS)
        for _ in range(rounds):  # interleaved, so that drift hits every variant alike
            for variant in order:
                run = load(
                    servers[variant].url,
                    "/add_to_cart/item-%d/",
                    visitors,
                    post=True,
                    seconds=seconds,
                )
                if run["failed"]:
                    raise RuntimeError(f"{run['failed']} failed requests: {variant}")
                figures[variant].append(run["rps"])
            order = order[1:] + order[:1]  # each goes first as often as the others
    return project, figures


def throughput_lost(guarded, unguarded):
    """Return the share of requests per second lost to what guarded adds."""
    return f"{(1 - median(guarded) / median(unguarded)) * 100:.0f}%"


def table(results, where, rounds, seconds):
    lines = [
        f"Requests per second, median of {rounds} runs of {seconds} s per variant, the "
        "variants interleaved: gunicorn with 2 workers and production settings, wrk "
        "with 4 connections, each a signed-in visitor adding to their cart (POST), "
        f"PostgreSQL and Redis on the same machine. Measured {date.today()} on "
        f"{where}, by `bench/guard_cost.py`.",
        "",
        "| Engine | No guards | All guards | Throughput lost to all | "
        "to the sessions record | to the idle timeout |",
        "|---|---|---|---|---|---|",
    ]
    for engine, figures in results.items():
        every_guard = figures["all"]
        cells = [
            f"`{engine}` ({ENGINES[engine][0]})",
            f"{median(figures['none']):.0f} req/s",
            f"{median(every_guard):.0f} req/s",
            *(
                throughput_lost(every_guard, figures[variant])
                for variant in COMPARED_WITH
            ),
        ]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--only", choices=ENGINES, help="this engine only")
    parser.add_argument("--write", action="store_true", help="update the README")
    arguments = parser.parse_args(argv)
    engines = [arguments.only] if arguments.only else list(ENGINES)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for engine in engines:
            project, results[engine] = measure(
                Path(folder),
                engine,
                ENGINES[engine][1],
                arguments.rounds,
                arguments.seconds,
            )
        where = machine(project)
    text = table(results, where, arguments.rounds, arguments.seconds)
    print(text)
    if arguments.write:
        write_between(GENERATED_README, MARKERS, text)


if __name__ == "__main__":
    main()
