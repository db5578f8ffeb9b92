"""What the project puts on signed-in cart changes, beyond Django itself, per engine.

    .venv/bin/python -m bench.guard_cost [--write] [--only ENGINE] [--rounds N]
                                           [--seconds S]

Bakes one project per engine, on the store the engine table uses, and serves it under
gunicorn as in production, once as made and once for each comparison at the same
time:

- Django alone: only Django's own middleware and WhiteNoise's, Django's
  SessionMiddleware in place of SessionGuardMiddleware, Django's own authentication
  backend. What the project adds beyond that is everything else.
- without one guard each: the session lock (SESSION_GUARD_LOCK), the records of
  signed-in sessions (SESSION_GUARD_RECORDS), the idle timeout (at 900 s, as made
  here), the Content-Security-Policy, sign-in throttling (django-axes).

wrk drives each server in turn, the rounds interleaved, with signed-in visitors (each
with a session of their own, signed in afresh each round) adding to their carts by
POST. The table gives requests per second and the share of throughput lost to
everything and to each guard, the median of the rounds' own ratios. With --write,
the table also replaces the one in the generated project's docs/sessions.md. A
benchmark, not a test: it asserts no time.
"""

import argparse
import tempfile
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from harness.servers import gunicorn

from .common import SESSIONS_DOC, bake, machine, median, write_between
from .engines import ENGINES
from .serving import create_bench_user, served, signed_in_visitors
from .wrk import load

MARKERS = ("<!-- guard-cost:start -->", "<!-- guard-cost:end -->")
IDLE_TIMEOUT = 900
# Django alone: its own middleware (Django 6.1's CSP aside, which counts as a guard
# here, as the project's own does on 5.2) and WhiteNoise's, with Django's
# SessionMiddleware.
DJANGO_ALONE = """
GUARD = ".SessionGuardMiddleware"
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware" if name.endswith(GUARD)
    else name
    for name in MIDDLEWARE  # noqa: F405
    if name.endswith(GUARD)
    or name.startswith(("django.", "whitenoise."))
    and not name.endswith("ContentSecurityPolicyMiddleware")
]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
CSRF_FAILURE_VIEW = "django.views.csrf.csrf_failure"
"""
WITHOUT_CSP = """
CSP = ".ContentSecurityPolicyMiddleware"
MIDDLEWARE = [name for name in MIDDLEWARE if not name.endswith(CSP)]  # noqa: F405
"""
WITHOUT_THROTTLING = """
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("axes.")]  # noqa: F405
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
"""
# Each comparison: the settings it changes from the project as made.
COMPARISONS = {
    "Django alone": DJANGO_ALONE,
    "the lock": "SESSION_GUARD_LOCK = False\n",
    "the records": "SESSION_GUARD_RECORDS = False\n",
    "the idle timeout": "SESSION_GUARD_IDLE_TIMEOUT = 0\n",
    "the policy (CSP)": WITHOUT_CSP,
    "throttling": WITHOUT_THROTTLING,
}
AS_MADE = "as made"
VARIANT_SETTINGS = """from .bench import *  # noqa: F403
{changes}"""


@contextmanager
def served_variants(project, workdir):
    """Serve the project as made and once per comparison while the block runs:
    ({variant: server}, the servers' environment)."""
    with ExitStack() as stack:
        server, environment = stack.enter_context(served(project, workdir / "made.log"))
        servers = {AS_MADE: server}
        for number, (variant, changes) in enumerate(COMPARISONS.items()):
            module = f"bench_variant_{number}"
            settings = project.path / "config" / "settings" / f"{module}.py"
            settings.write_text(VARIANT_SETTINGS.format(changes=changes))
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
        create_bench_user(project, environment)
        figures = {variant: [] for variant in servers}
        order = list(servers)
        for _ in range(rounds):  # interleaved, so that drift hits every variant alike
            # Signed in afresh: wrk sends the same cookie all round, and a signed
            # cookie's note of its last request would grow stale after a minute.
            visitors = signed_in_visitors(servers[AS_MADE].url)
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
    """Return the share of requests per second lost to what guarded adds.

    The median of each round's own ratio: the machine's pace drifts from round to
    round, and the variants of one round ran one after the other.
    """
    ratios = [
        with_it / without for with_it, without in zip(guarded, unguarded, strict=True)
    ]
    return f"{(1 - median(ratios)) * 100:.0f}%"


def table(results, where, rounds, seconds):
    guards = [variant for variant in COMPARISONS if variant != "Django alone"]
    lines = [
        f"Requests per second, median of {rounds} runs of {seconds} s per variant, the "
        "variants interleaved, each share the median of the rounds' ratios: gunicorn "
        "with 2 workers and production settings, wrk with 4 connections, each a "
        "signed-in visitor adding to their cart (POST), "
        f"the idle timeout at {IDLE_TIMEOUT} s, PostgreSQL and Redis on the same "
        f"machine. Measured {date.today()} on {where}, by `bench/guard_cost.py`.",
        "",
        "| Engine | Django alone | As made | Lost to all | "
        + " | ".join(f"to {guard}" for guard in guards)
        + " |",
        "|---" * (4 + len(guards)) + "|",
    ]
    for engine, figures in results.items():
        made = figures[AS_MADE]
        cells = [
            f"`{engine}` ({ENGINES[engine][0]})",
            f"{median(figures['Django alone']):.0f} req/s",
            f"{median(made):.0f} req/s",
            *(throughput_lost(made, figures[variant]) for variant in COMPARISONS),
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
        write_between(SESSIONS_DOC, MARKERS, text)


if __name__ == "__main__":
    main()
