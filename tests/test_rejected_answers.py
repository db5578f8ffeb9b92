"""A bad answer stops generation with one clear line and leaves no folder behind."""

import shlex

import pytest

from harness import TEMPLATE_DIR

from .cli import run_cookiecutter
from .combinations import REJECTED


def error_lines(result):
    """The lines the pre_gen_project hook printed."""
    return [
        line
        for line in result.stderr.splitlines()
        if line.startswith("ERROR: ") and "is not allowed" in line
    ]


def assert_refused(result, tmp_path, key, value, reason):
    assert result.returncode == 1, result.stdout + result.stderr
    [line] = error_lines(result)
    assert line.startswith(f"ERROR: {key}={value!r} is not allowed: "), line
    assert reason in line
    assert "Traceback" not in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("rejected", REJECTED)
def test_bad_answer_on_the_command_line(tmp_path, rejected):
    result = run_cookiecutter(tmp_path, answers=rejected.answers)

    assert_refused(result, tmp_path, rejected.key, rejected.value, rejected.reason)


def test_bad_answer_at_the_prompt(tmp_path):
    # Enter for every question but the tenth, the cookie age.
    answers = ["" for _ in range(18)]
    answers[9] = "0"

    result = run_cookiecutter(tmp_path, stdin="\n".join(answers) + "\n")

    assert_refused(result, tmp_path, "session_cookie_age", "0", "whole seconds")


def test_bad_answer_in_a_config_file(tmp_path):
    result = run_cookiecutter(
        tmp_path, default_context={"session_cookie_name": "my session"}
    )

    assert_refused(result, tmp_path, "session_cookie_name", "my session", "RFC 6265")


def test_every_bad_answer_gets_its_own_line(tmp_path):
    result = run_cookiecutter(
        tmp_path, answers={"session_cookie_age": "0", "author_email": "nobody"}
    )

    assert result.returncode == 1
    assert len(error_lines(result)) >= 2
    assert list((tmp_path / "out").iterdir()) == []


def rerun_command(result):
    """The command the hook printed to answer again."""
    [line] = result.stderr.split("other answers kept:\n", 1)[1].splitlines()[:1]
    return shlex.split(line)


def test_the_command_to_answer_again_keeps_the_other_answers(tmp_path):
    refused = run_cookiecutter(
        tmp_path,
        answers={
            "project_name": "Tea Shop",
            "session_engine": "file",
            "session_cookie_age": "0",
        },
    )
    command = rerun_command(refused)
    assert command[:2] == ["cookiecutter", str(TEMPLATE_DIR)]
    kept = dict(pair.split("=", 1) for pair in command[2:])
    assert kept == {
        "project_name": "Tea Shop",
        "project_slug": "tea_shop",
        "session_engine": "file",
    }

    # Enter for every question but the tenth, the cookie age, answered right this time.
    answers = ["" for _ in range(18)]
    answers[9] = "3600"
    again = run_cookiecutter(tmp_path, answers=kept, stdin="\n".join(answers) + "\n")

    assert again.returncode == 0, again.stderr
    settings = tmp_path / "out" / "tea_shop" / "config" / "settings"
    base = (settings / "base.py").read_text()
    assert "SESSION_COOKIE_AGE = 3600\n" in base
    assert 'SESSION_ENGINE = "django.contrib.sessions.backends.file"' in base


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"session_engine": "redis"}, "provided for choice variable session_engine"),
        ({"session_cookie_secure": "maybe"}, "could not be converted to a boolean"),
    ],
    ids=["unknown-engine", "not-yes-or-no"],
)
def test_cookiecutter_refuses_answers_outside_the_choices(tmp_path, answers, message):
    result = run_cookiecutter(tmp_path, answers=answers)

    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert list((tmp_path / "out").iterdir()) == []
