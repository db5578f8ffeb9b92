"""Run the cookiecutter command as a user would, with a configuration of its own."""

import json
import subprocess
import sys

from harness import TEMPLATE_DIR


def run_cookiecutter(
    tmp_path, *args, answers=None, default_context=None, stdin=None, no_input=True
):
    """Generate into tmp_path/"out"; the replay file goes to tmp_path/"replay".

    answers go on the command line, default_context into the config file. Without
    stdin nothing is asked (--no-input), unless no_input is False.
    """
    config = tmp_path / "config.yaml"
    config.write_text(
        json.dumps(  # JSON is YAML too
            {
                "cookiecutters_dir": str(tmp_path / "cookiecutters"),
                "replay_dir": str(tmp_path / "replay"),
                "default_context": default_context or {},
            }
        )
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
