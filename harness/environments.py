"""Virtual environments for baked projects.

Each baked project declares its Python and its dependencies in its pyproject.toml. One
virtual environment is made per interpreter and dependency list, and every bake that
declares the same shares it, across pytest-xdist workers and across runs. uv makes
them: it installs the same packages as pip, many times faster.
"""

import functools
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from filelock import FileLock
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from . import TEMPLATE_DIR
from .services import unavailable

# What the template's own test run sets and a baked project must not inherit. Bakes that
# use PostgreSQL or Redis are handed DATABASE_URL and REDIS_URL explicitly.
LEAKY_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "PYTHONPATH",
    "VIRTUAL_ENV",
    "PYTEST_",
    "DATABASE_URL",
    "REDIS_URL",
)


def load_hook(name):
    """Import one of the template's hooks, whose functions are plain Python."""
    path = TEMPLATE_DIR / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The next steps printed after generation name a Python found the same way.
POST_GEN_HOOK = load_hook("post_gen_project")


@functools.cache
def python_version(executable):
    """Return the version of an interpreter, or None where it does not run."""
    version = POST_GEN_HOOK.python_version(executable)
    return Version(version) if version else None


def candidate_pythons():
    """Yield this interpreter, then those the hook finds (PATH, pyenv, uv)."""
    yield sys.executable
    yield from POST_GEN_HOOK.candidate_pythons()


def find_python(requires_python):
    """Return (path, version) of the first interpreter that fits, or None."""
    wanted = SpecifierSet(requires_python)
    for executable in candidate_pythons():
        version = python_version(executable)
        if version is not None and version in wanted:
            return shutil.which(executable), version
    return None


def python_or_skip(requires_python):
    """Return find_python's answer; without one, skip (fail under REQUIRE_SERVICES)."""
    found = find_python(requires_python)
    if found is None:
        unavailable(
            f"no Python {requires_python} found on PATH, in pyenv's versions or "
            "among uv's Pythons (install one, e.g. uv python install 3.12)"
        )
    return found


def clean_environment(**extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(LEAKY_VARIABLES)
    }
    return {**environment, **extra}


class Environments:
    def __init__(self, root):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def python_for(self, project_dir):
        """The python of an environment with everything the project declares."""
        with open(Path(project_dir) / "pyproject.toml", "rb") as file:
            project = tomllib.load(file)["project"]
        executable, version = python_or_skip(project["requires-python"])
        requirements = sorted(
            project["dependencies"] + project["optional-dependencies"]["dev"]
        )
        digest = hashlib.sha256(f"{version} {requirements}".encode()).hexdigest()
        venv = self.root / f"py{version}-{digest[:12]}"
        with FileLock(f"{venv}.lock"):
            if not (venv / "complete").exists():
                self._create(venv, executable, requirements)
        return venv / "bin" / "python"

    @staticmethod
    def _create(venv, executable, requirements):
        shutil.rmtree(venv, ignore_errors=True)
        uv = [sys.executable, "-m", "uv", "--quiet"]
        subprocess.run([*uv, "venv", "--python", executable, venv], check=True)
        subprocess.run(
            [*uv, "pip", "install", "--python", venv / "bin" / "python", *requirements],
            check=True,
            env=clean_environment(),
        )
        (venv / "complete").write_text("\n".join(requirements) + "\n")
