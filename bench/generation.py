"""How long generating a project takes, against `django-admin startproject`.

Both run from this one environment (the template's, which has Django for this),
interleaved, so that the same interpreter, disk and load time both. Two more commands
split the template's own share: `cookiecutter --version` is cookiecutter starting and
doing nothing, and `--accept-hooks no` renders the files without running the hooks.
"""

import subprocess
import sys
import tempfile
import time

from harness import TEMPLATE_DIR

from .common import summary


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def generation(repeat):
    cookiecutter, startproject, cookiecutter_start, no_hooks = [], [], [], []
    bake = [sys.executable, "-m", "cookiecutter", "--no-input", TEMPLATE_DIR]
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as output:
            cookiecutter.append(timed([*bake, "--output-dir", output]))
        with tempfile.TemporaryDirectory() as output:
            no_hooks.append(
                timed([*bake, "--output-dir", output, "--accept-hooks", "no"])
            )
        with tempfile.TemporaryDirectory() as output:
            startproject.append(
                timed([sys.executable, "-m", "django", "startproject", "shop", output])
            )
        cookiecutter_start.append(
            timed([sys.executable, "-m", "cookiecutter", "--version"])
        )
    return {
        "cookiecutter": summary(cookiecutter),
        "startproject": summary(startproject),
        "cookiecutter_start": summary(cookiecutter_start),
        "no_hooks": summary(no_hooks),
    }
