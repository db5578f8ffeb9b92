"""How long generating a project takes, against `django-admin startproject`, and the
wall time of the template's whole test matrix as its last passing run noted it."""

import json
import subprocess
import sys
import tempfile
import time

from tests.combinations import MATRIX_RECORD, TEMPLATE_DIR

from .common import summary


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def generation(django_admin, repeat):
    cookiecutter, startproject = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as output:
            cookiecutter.append(
                timed([sys.executable, "-m", "cookiecutter", "--no-input",
                       "--output-dir", output, TEMPLATE_DIR])
            )  # fmt: skip
        with tempfile.TemporaryDirectory() as output:
            startproject.append(timed([django_admin, "startproject", "shop", output]))
    matrix = json.loads(MATRIX_RECORD.read_text()) if MATRIX_RECORD.exists() else None
    return {
        "cookiecutter": summary(cookiecutter),
        "startproject": summary(startproject),
        "matrix": matrix,
    }
