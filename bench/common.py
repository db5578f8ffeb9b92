"""What the benchmarks share: baked projects, medians, the machine they ran on."""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import TEMPLATE_DIR
from harness.baking import FORGET_REDIS_KEYS, MANAGE_DATABASE, BakedProject
from harness.environments import Environments, clean_environment
from harness.services import environment_for, reachable

ENVIRONMENTS = Environments(TEMPLATE_DIR / ".cache" / "venvs")
PROBES = Path(__file__).with_name("probes")
# The generated page the per-engine tables of the guards and the lock go into.
SESSIONS_DOC = TEMPLATE_DIR / "{{cookiecutter.project_slug}}" / "docs" / "sessions.md"


def needs(*variables):
    missing = [variable for variable in variables if not reachable(variable)]
    if missing:
        sys.exit(f"The benchmarks need a server at {' and '.join(missing)}.")


def bake(workdir, name, **answers):
    """A project with these answers, and the service URLs it needs; quietly."""
    if answers.get("database") == "postgresql":
        needs("DATABASE_URL")
    if answers.get("cache_backend") == "redis":
        needs("REDIS_URL")
    output = Path(workdir) / name
    pairs = [f"{key}={value}" for key, value in answers.items()]
    subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", "--output-dir", output,
         TEMPLATE_DIR, *pairs],
        capture_output=True,
        check=True,
    )  # fmt: skip
    [path] = output.iterdir()
    return BakedProject(path, answers, ENVIRONMENTS, environment_for(answers, name))


def probe(project, script, *args, **environment):
    """Run one of probes/ in a baked project; it prints JSON."""
    result = subprocess.run(
        [project.python, PROBES / script, *map(str, args)],
        cwd=project.path,
        capture_output=True,
        text=True,
        env=clean_environment(**{**project.service_environment, **environment}),
    )
    if result.returncode != 0:
        sys.exit(f"{script} failed in {project.path.name}:\n{result.stderr}")
    return result.stdout


def probe_in_bake(workdir, name, answers, script, *args):
    """Bake, run a probe, return its JSON, and leave the shared servers as they were."""
    project = bake(workdir, name, **answers)
    database = "DATABASE_URL" in project.service_environment
    if database:
        project.run("-c", MANAGE_DATABASE, "create")
    try:
        return json.loads(probe(project, script, *args))
    finally:
        if database:
            project.run("-c", MANAGE_DATABASE, "drop")
        if "REDIS_URL" in project.service_environment:
            project.manage("shell", "-c", FORGET_REDIS_KEYS)


def median(values):
    return statistics.median(values)


def spread(values):
    """Half the range: the ± that goes with a median."""
    return (max(values) - min(values)) / 2


def summary(values):
    return {"median": median(values), "spread": spread(values)}


def machine(project):
    django = subprocess.run(
        [project.python, "-c", "import django; print(django.get_version())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return (
        f"{platform.machine()} Linux, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, Django {django}"
    )


def write_between(path, markers, text):
    """Replace what lies between the two marker lines of a file with text."""
    start, end = (re.escape(marker) for marker in markers)
    new, count = re.subn(
        f"{start}.*?{end}",
        lambda _: f"{markers[0]}\n{text}\n{markers[1]}",
        path.read_text(),
        flags=re.DOTALL,
    )
    if count != 1:
        raise SystemExit(f"{path} has no {markers[0]} ... {markers[1]} section")
    path.write_text(new)


def probe_each_setup(
    argv, description, setups, script, table, markers, changes=200, rounds=5
):
    """Run a benchmark of one row per setup, from its command line.

    Bake each setup (a row name and its answers), run probes/<script> in it, print
    table(results, changes, rounds), and with --write put that between the markers of
    the generated docs/sessions.md.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--changes", type=int, default=changes)
    parser.add_argument("--rounds", type=int, default=rounds)
    parser.add_argument("--only", help="the rows that start with `<this>` only")
    parser.add_argument("--write", action="store_true", help="update the README")
    arguments = parser.parse_args(argv)
    chosen = {
        setup: answers
        for setup, answers in setups.items()
        if not arguments.only or setup.startswith(f"`{arguments.only}`")
    }
    with tempfile.TemporaryDirectory() as workdir:
        results = {
            setup: probe_in_bake(
                Path(workdir),
                f"{Path(script).stem}_{number}",
                answers,
                script,
                arguments.changes,
                arguments.rounds,
            )
            for number, (setup, answers) in enumerate(chosen.items())
        }
    text = table(results, arguments.changes, arguments.rounds)
    print(text)
    if arguments.write:
        write_between(SESSIONS_DOC, markers, text)
