"""Virtual environments for baked projects.

Each baked project declares its Python and its dependencies in its pyproject.toml. One
virtual environment is made per interpreter and dependency list, and every bake that
declares the same shares it, across pytest-xdist workers and across runs. uv makes
them: it installs the same packages as pip, many times faster.
"""

import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from filelock import FileLock
from packaging.specifiers import SpecifierSet
from packaging.version import Version

CANDIDATE_PYTHONS = [sys.executable, *(f"python3.{minor}" for minor in range(10, 16))]

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


@functools.cache
def python_version(executable):
    """The version of an interpreter, or None where it does not run."""
    path = shutil.which(executable)
    if path is None:
        return None
    try:
        result = subprocess.run(
            [path, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        return None
    # pyenv shims exist for every version but run only those PYENV_VERSION names.
    return Version(result.stdout.strip()) if result.returncode == 0 else None


def find_python(requires_python):
    wanted = SpecifierSet(requires_python)
    for executable in CANDIDATE_PYTHONS:
        version = python_version(executable)
        if version is not None and version in wanted:
            return shutil.which(executable), version
    tried = ", ".join(CANDIDATE_PYTHONS[1:])
    pytest.fail(
        f"No Python {requires_python} found (tried {tried}). Put one on PATH; "
        "with pyenv, export PYENV_VERSION=3.11.7:3.12.1:3.13.0."
    )


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
        executable, version = find_python(project["requires-python"])
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
