"""Run the cookiecutter command as a user would, with a configuration of its own."""

import subprocess
import sys

from .combinations import TEMPLATE_DIR


def run_cookiecutter(tmp_path, *args, answers=None, stdin=None, no_input=True):
    """Generate into tmp_path/"out"; the replay file goes to tmp_path/"replay".

    Without stdin, nothing is asked (--no-input), unless no_input is False.
    """
    config = tmp_path / "config.yaml"
    if not config.exists():
        config.write_text(
            f"cookiecutters_dir: {tmp_path / 'cookiecutters'}\n"
            f"replay_dir: {tmp_path / 'replay'}\n"
        )
    output = tmp_path / "out"
    output.mkdir(exist_ok=True)
    no_input = ["--no-input"] if no_input and stdin is None else []
    pairs = [f"{key}={value}" for key, value in (answers or {}).items()]
    return subprocess.run(
        [sys.executable, "-m", "cookiecutter", *no_input, "--config-file", config,
         "--output-dir", output, *args, TEMPLATE_DIR, *pairs],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
