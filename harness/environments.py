"""Virtual environments for baked projects.

Each baked project declares its Python and its dependencies in its pyproject.toml. One
virtual environment is made per interpreter and dependency list, and every bake that
declares the same shares it, across pytest-xdist workers and across runs. uv makes
them: it installs the same packages as pip, many times faster.
"""

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from filelock import FileLock
from packaging.specifiers import SpecifierSet
from packaging.version import Version

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


@functools.cache
def python_version(executable):
    """Return the version of an interpreter, or None where it does not run."""
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


def by_version(path):
    """Sort .../3.12.1/bin/python3 and .../cpython-3.12.1-.../bin/python3 by version."""
    numbers = re.search(r"(\d+)\.(\d+)\.?(\d*)", path)
    return tuple(int(part or 0) for part in numbers.groups()) if numbers else ()


def candidate_pythons():
    """Yield the interpreters of this machine, wherever they usually are.

    This one first, then each python3.N on PATH, then pyenv's versions and uv's
    managed Pythons, which need not be on PATH at all.
    """
    yield sys.executable
    yield from (f"python3.{minor}" for minor in range(10, 16))
    home = Path.home()
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or home / ".pyenv")
    pyenv_pythons = pyenv_root.glob("versions/*/bin/python3")
    uv_root = Path(
        os.environ.get("UV_PYTHON_INSTALL_DIR") or home / ".local/share/uv/python"
    )
    uv_pythons = uv_root.glob("cpython-*/bin/python3")
    yield from sorted(map(str, [*pyenv_pythons, *uv_pythons]), key=by_version)


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
