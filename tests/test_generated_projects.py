"""Each supported combination bakes a project that passes its own checks."""

import re
import secrets
import subprocess
import sys

import pytest
from cookiecutter.environment import StrictEnvironment

from harness.baking import PRODUCTION_MAIL
from harness.engines import ENGINES

from .combinations import (
    ACCESSIBILITY_CHECKED,
    BROWSER_TESTED,
    DEFAULTS,
    DJANGO_VERSIONS,
    ENGINE_MATRIX,
    SERVING_LEFT_OUT,
    SUPPORTED,
    TEMPLATE_DIR,
    WITH_SERVICES,
    first,
)

ALL = SUPPORTED + WITH_SERVICES
SCREENSHOTS = TEMPLATE_DIR / "build" / "screenshots"

# A Jinja expression or statement about the answers that was not rendered.
UNRENDERED = re.compile(r"\{\{-?\s*cookiecutter\b|\{%-?\s*\w+[^%]*\bcookiecutter\.")
# The tutorials this template grew from, named as such: "seed 003", "tutorial 001".
SOURCES_NAMED = re.compile(r"\bseeds?\b|\btutorials?\s+(?:no\.?\s*)?\d{3}\b", re.I)
CHECK_ID = re.compile(r"^\?: \(([\w.]+)\)", re.MULTILINE)


def expected_deploy_messages(answers):
    """What `check --deploy` must say of production with these answers, and no more."""
    expected = set()
    # Django names the session cookie's flags by the app (W010, W013) where its own
    # SessionMiddleware is not in MIDDLEWARE, as with SessionGuardMiddleware.
    if not answers.get("session_cookie_secure", True):
        expected |= {"security.W010", "security.W016"}  # session and CSRF cookies
    if not answers.get("session_cookie_httponly", True):
        expected.add("security.W013")
    engine = answers.get("session_engine", "db")
    if ENGINES[engine].uses_cache and answers.get("cache_backend") != "redis":
        expected.add("session_guard.W001")  # sessions in a per-process cache
    if engine == "signed_cookies":
        expected.add("session_guard.I001")
    return expected


def own_suite_arguments(combination):
    """Return what a bake's own pytest runs: everything only where it adds proof.

    The two bakes of the accessibility sweep run everything in full; the other
    browser-tested bakes leave the sweep out; the rest leave the browser out. The
    pairwise bakes leave out the tests that start servers. All but the two try fewer
    random inputs.
    """
    arguments = ["-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if combination.id in ACCESSIBILITY_CHECKED:
        return arguments
    arguments.append("--hypothesis-profile=quick")
    left_out = []
    if combination.id not in BROWSER_TESTED:
        left_out.append("e2e")
    if combination.id in SERVING_LEFT_OUT:
        left_out.append("serving")
    if left_out:
        arguments += ["-m", " and ".join(f"not {mark}" for mark in left_out)]
    if combination.id in BROWSER_TESTED:
        arguments += ["-k", "not test_page_reads_well"]
    return arguments


@pytest.mark.parametrize("combination", ALL)
def test_own_test_suite_passes(bake, combination):
    bake(combination).run(
        *own_suite_arguments(combination),
        # Every page at desktop and phone width, for a person to look at.
        E2E_SCREENSHOTS=str(SCREENSHOTS / combination.id),
    )


@pytest.mark.parametrize("combination", ALL)
def test_manage_py_check_passes(bake, combination):
    bake(combination).manage("check", "--fail-level", "WARNING")


def deploy_check(project, **environment):
    """Run `check --deploy` under the production settings; return result and output."""
    result = project.manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        check=False,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="shop.example.com",
        **environment,
    )
    return result, result.stdout + result.stderr


@pytest.mark.parametrize("combination", ALL)
def test_deploy_check_says_exactly_what_the_answers_imply(bake, combination):
    result, output = deploy_check(bake(combination), **PRODUCTION_MAIL)

    expected = expected_deploy_messages(combination.answers)
    assert set(CHECK_ID.findall(output)) == expected, output
    warned = bool(expected - {"session_guard.I001"})  # a note fails nothing
    assert (result.returncode != 0) is warned, output


@pytest.mark.parametrize(
    "combination",
    [
        first(ENGINE_MATRIX, django_version=version).param()
        for version in DJANGO_VERSIONS
    ],
)
def test_deploy_check_warns_of_production_without_mail(bake, combination):
    result, output = deploy_check(bake(combination))

    mail_warnings = {"accounts.W001", "accounts.W002"}
    expected = expected_deploy_messages(combination.answers) | mail_warnings
    assert set(CHECK_ID.findall(output)) == expected, output
    assert "EMAIL_URL" in output
    assert "DJANGO_DEFAULT_FROM_EMAIL" in output
    assert result.returncode != 0, output


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


def lines_matching(project, pattern):
    """Return file:line: text for each line of the generated files that matches."""
    return [
        f"{path.relative_to(project.path)}:{number}: {line.strip()}"
        for path in sorted(project.path.rglob("*"))
        if path.is_file() and ".venv" not in path.parts
        for number, line in enumerate(
            path.read_text(errors="replace").splitlines(), start=1
        )
        if pattern.search(line)
    ]


@pytest.mark.parametrize("combination", ALL)
def test_no_template_syntax_survives(bake, combination):
    assert lines_matching(bake(combination), UNRENDERED) == []


@pytest.mark.parametrize("combination", ALL)
def test_no_generated_file_names_the_tutorials_it_grew_from(bake, combination):
    # The project is its user's: it gives reasons, not our sources.
    assert lines_matching(bake(combination), SOURCES_NAMED) == []


def as_bool(answer):
    return answer if isinstance(answer, bool) else answer.lower() in ("yes", "true")


def session_settings_for(answers, slug):
    """Return the session settings that these answers must give."""
    answers = {**DEFAULTS, **answers}
    engine = answers["session_engine"]
    if engine == "cache" and answers["cache_backend"] == "redis":
        engine_path = f"{slug}.session_guard.cache"
    else:
        engine_path = f"django.contrib.sessions.backends.{engine}"
    return {
        "SESSION_ENGINE": engine_path,
        "SESSION_COOKIE_AGE": int(answers["session_cookie_age"]),
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": as_bool(
            answers["session_expire_at_browser_close"]
        ),
        "SESSION_SAVE_EVERY_REQUEST": as_bool(answers["session_save_every_request"]),
        "SESSION_COOKIE_NAME": answers["session_cookie_name"],
        "SESSION_COOKIE_SECURE": as_bool(answers["session_cookie_secure"]),
        "SESSION_COOKIE_HTTPONLY": as_bool(answers["session_cookie_httponly"]),
        "SESSION_COOKIE_SAMESITE": answers["session_cookie_samesite"],
        "SESSION_GUARD_IDLE_TIMEOUT": int(answers["session_idle_timeout"]),
    }


@pytest.mark.parametrize("combination", ALL)
def test_every_settings_module_holds_the_answers(bake, combination):
    # The bake's own suite checks its settings against base.py, so that a team may
    # change them; that base.py says what was answered is proved here.
    project = bake(combination)
    expected = session_settings_for(combination.answers, slug=project.path.name)

    settings = project.session_settings()

    assert settings == {"base": expected, "test": expected, "production": expected}


def test_the_templates_own_code_passes_ruff():
    # The hooks, the extension, tests/ and bench/; the generated files are checked
    # above, as rendered.
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", TEMPLATE_DIR],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
