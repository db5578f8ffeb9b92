"""The answer rules of hooks/pre_gen_project.py, and the default slug, without baking.

The bake tests (test_rejected_answers.py) prove the same rules end to end, through
cookiecutter; these hold each rule to its message in milliseconds.
"""

import pytest

from local_extensions import RULES, as_project_slug

from .combinations import DEFAULTS, REJECTED

VALID = {**DEFAULTS, "project_slug": "session_shop"}


@pytest.mark.parametrize("rejected", REJECTED)
def test_each_rejected_answer_gets_its_one_line(rejected):
    # As cookiecutter hands them to the hook: yes/no answers as booleans.
    answers = {
        key: value == "yes"
        if isinstance(VALID[key], bool) and value in ("yes", "no")
        else value
        for key, value in {**VALID, **rejected.answers}.items()
    }

    [(key, message)] = RULES.problems(answers).items()

    assert key == rejected.key
    assert message.startswith(f"{rejected.key}={rejected.value!r} is not allowed: ")
    assert rejected.reason in message


def test_the_defaults_pass():
    assert RULES.problems(VALID) == {}


def test_an_answer_that_depends_on_a_refused_one_is_not_refused_too():
    # The idle timeout is checked against the cookie age, which is refused itself.
    answers = {**VALID, "session_cookie_age": "0", "session_idle_timeout": "900"}

    assert list(RULES.problems(answers)) == ["session_cookie_age"]


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Session Shop", "session_shop"),
        ("Test", "test_project"),
        ("JSON", "json_project"),
        ("Config", "config_project"),
        ("class", "class_project"),
        ("24 Hour Shop", "project_24_hour_shop"),
        ("Élan Café", "elan_cafe"),
        ("!!!", "project"),
        ("A project name far longer than thirty", "a_project_name_far_longer_than"),
    ],
)
def test_the_default_slug_passes_the_rules(name, slug):
    assert as_project_slug(name) == slug
    assert RULES.project_slug_problem(slug) is None
