"""What the benchmarks share: baked projects, medians, the machine they ran on."""

import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path

from tests.baking import BakedProject
from tests.combinations import TEMPLATE_DIR
from tests.environments import Environments, clean_environment
from tests.services import environment_for, reachable

ENVIRONMENTS = Environments(TEMPLATE_DIR / ".cache" / "venvs")
PROBES = Path(__file__).with_name("probes")


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
