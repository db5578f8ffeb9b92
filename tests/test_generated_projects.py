"""Each supported combination bakes a project that passes its own checks."""

import re
import secrets
import subprocess
import sys

import pytest
from cookiecutter.environment import StrictEnvironment

from .combinations import (
    BROWSER_TESTED,
    DEFAULTS,
    SUPPORTED,
    TEMPLATE_DIR,
    WITH_SERVICES,
)

ALL = SUPPORTED + WITH_SERVICES
SCREENSHOTS = TEMPLATE_DIR / "build" / "screenshots"

# A Jinja expression or statement about the answers that was not rendered.
UNRENDERED = re.compile(r"\{\{-?\s*cookiecutter\b|\{%-?\s*\w+[^%]*\bcookiecutter\.")
CHECK_ID = re.compile(r"^\?: \(([\w.]+)\)", re.MULTILINE)


def expected_deploy_messages(answers):
    """What `check --deploy` must say of production with these answers, and no more."""
    expected = set()
    if not answers.get("session_cookie_secure", True):
        expected |= {"security.W012", "security.W016"}  # session and CSRF cookies
    if not answers.get("session_cookie_httponly", True):
        expected.add("security.W015")
    engine = answers.get("session_engine", "db")
    if engine in ("cache", "cached_db") and answers.get("cache_backend") != "redis":
        expected.add("session_guard.W001")  # sessions in a per-process cache
    if engine == "signed_cookies":
        expected.add("session_guard.I001")
    return expected


@pytest.mark.parametrize("combination", ALL)
def test_own_test_suite_passes(bake, combination):
    # The bakes that run the browser tests run everything in full; the others leave
    # the browser out and try fewer random inputs.
    thorough = combination.id in BROWSER_TESTED
    bake(combination).run(
        *["-m", "pytest", "-q", "-p", "no:cacheprovider"],
        *([] if thorough else ["-m", "not e2e", "--hypothesis-profile=quick"]),
        # Every page at desktop and phone width, for a person to look at.
        E2E_SCREENSHOTS=str(SCREENSHOTS / combination.id),
    )


@pytest.mark.parametrize("combination", ALL)
def test_manage_py_check_passes(bake, combination):
    bake(combination).manage("check", "--fail-level", "WARNING")


@pytest.mark.parametrize("combination", ALL)
def test_deploy_check_says_exactly_what_the_answers_imply(bake, combination):
    project = bake(combination)
    result = project.manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        check=False,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="shop.example.com",
    )

    output = result.stdout + result.stderr
    expected = expected_deploy_messages(combination.answers)
    assert set(CHECK_ID.findall(output)) == expected, output
    warned = bool(expected - {"session_guard.I001"})  # a note fails nothing
    assert (result.returncode != 0) is warned, output


@pytest.mark.parametrize("combination", ALL)
def test_migrations_match_the_models(bake, combination):
    bake(combination).manage("makemigrations", "--check", "--dry-run")


@pytest.mark.parametrize("combination", ALL)
def test_ruff_finds_nothing_to_change(bake, combination):
    project = bake(combination)
    project.run("-m", "ruff", "check", "--no-cache", ".")
    project.run("-m", "ruff", "format", "--check", "--no-cache", ".")


def bandit(*paths):
    """Bandit's medium and high findings; each accepted one carries a nosec and why."""
    return subprocess.run(
        [sys.executable, "-m", "bandit", "--severity-level", "medium", "-q", "-r",
         *paths],
        capture_output=True,
        text=True,
    )  # fmt: skip


@pytest.mark.parametrize("combination", ALL)
def test_bandit_finds_nothing_of_medium_or_high_severity(bake, combination):
    result = bandit(bake(combination).path)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hooks_pass_bandit_too(tmp_path):
    # Rendered as cookiecutter renders them: as written they hold a Jinja expression.
    environment = StrictEnvironment(keep_trailing_newline=True)
    answers = {**DEFAULTS, "project_slug": "session_shop"}
    for hook in (TEMPLATE_DIR / "hooks").glob("*.py"):
        template = environment.from_string(hook.read_text())
        (tmp_path / hook.name).write_text(template.render(cookiecutter=answers))

    result = bandit(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("combination", ALL)
def test_no_template_syntax_survives(bake, combination):
    project = bake(combination)
    leftovers = [
        f"{path.relative_to(project.path)}:{number}: {line.strip()}"
        for path in sorted(project.path.rglob("*"))
        if path.is_file()
        for number, line in enumerate(
            path.read_text(errors="replace").splitlines(), start=1
        )
        if UNRENDERED.search(line)
    ]
    assert leftovers == []
