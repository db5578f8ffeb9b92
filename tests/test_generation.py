"""What generation itself promises: prompts, the secret key, replay, trimmed files."""

import json
import re
import shlex
import stat
import subprocess

import pytest

from harness import TEMPLATE_DIR
from harness.environments import POST_GEN_HOOK, python_or_skip

from .cli import run_cookiecutter
from .combinations import DEFAULTS, Combination

QUESTIONS = json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text())


def files_of(folder):
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_every_question_has_prompt_text_and_every_choice_a_label():
    prompts = QUESTIONS["__prompts__"]

    assert set(prompts) == set(DEFAULTS)
    for key, question in QUESTIONS.items():
        if isinstance(question, list) and not key.startswith("_"):
            assert set(prompts[key]) == {"__prompt__", *question}, key


def test_default_answers_generate_a_project(tmp_path):
    result = run_cookiecutter(tmp_path)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "session_shop" / "manage.py").exists()
    assert "python3 -m venv .venv" in result.stdout


def test_the_next_steps_go_where_the_project_is(tmp_path):
    build = tmp_path / "build"

    result = run_cookiecutter(tmp_path, "--output-dir", build)

    assert f"ready in {build / 'session_shop'}." in result.stdout
    assert f"cd {build / 'session_shop'}\n" in result.stdout


def test_a_django_61_project_names_a_python_it_can_use_on_this_machine(tmp_path):
    python_or_skip(">=3.12")  # this machine has one somewhere
    result = run_cookiecutter(tmp_path, answers={"django_version": "6.1"})

    [python] = re.findall(r"^ {4}(.+) -m venv \.venv$", result.stdout, re.MULTILINE)
    version = subprocess.run(
        [*shlex.split(python), "-c", "import sys; print(sys.version_info >= (3, 12))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout == "True\n"
    readme = (tmp_path / "out" / "session_shop" / "README.md").read_text()
    assert "python3.12 -m venv .venv" in readme
    assert "uv python install 3.12" in readme


def test_without_a_python_that_fits_the_next_steps_say_how_to_get_one(monkeypatch):
    monkeypatch.setattr(POST_GEN_HOOK, "candidate_pythons", lambda: iter(["python2"]))
    answers = {**DEFAULTS, "django_version": "6.1", "project_name": "Shop"}
    monkeypatch.chdir(TEMPLATE_DIR / "{{cookiecutter.project_slug}}")  # .env.example

    steps = POST_GEN_HOOK.next_steps(answers, TEMPLATE_DIR)

    assert "    uv python install 3.12    # no Python 3.12+ found here\n" in steps
    assert "    uv venv --seed --python 3.12 .venv\n" in steps


def test_a_postgresql_project_says_to_make_its_database(tmp_path):
    answers = {"database": "postgresql", "cache_backend": "redis"}

    result = run_cookiecutter(tmp_path, answers=answers)

    url = "postgres://postgres@127.0.0.1:5432/session_shop"
    project = tmp_path / "out" / "session_shop"
    assert "createdb -h 127.0.0.1 -U postgres session_shop" in result.stdout
    assert f"DATABASE_URL={url}" in result.stdout
    assert "createdb -h 127.0.0.1 -U postgres session_shop" in (
        (project / "README.md").read_text()
    )
    # One address everywhere: .env, its example, and the default of base.py.
    assert f"DATABASE_URL={url}\n" in (project / ".env").read_text()
    assert f"DATABASE_URL={url}\n" in (project / ".env.example").read_text()
    assert f'default="{url}"' in (project / "config/settings/base.py").read_text()
    redis = "REDIS_URL=redis://127.0.0.1:6379/0\n"
    assert redis in (project / ".env").read_text()
    assert redis in (project / ".env.example").read_text()


def test_a_name_that_would_shadow_a_module_gets_a_slug_that_does_not(tmp_path):
    result = run_cookiecutter(tmp_path, answers={"project_name": "Test"})

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "test_project" / "test_project").is_dir()


def test_secret_key_is_fresh_private_and_only_in_env(tmp_path):
    first = run_cookiecutter(tmp_path, "--output-dir", tmp_path / "first")
    second = run_cookiecutter(tmp_path, "--output-dir", tmp_path / "second")
    assert first.returncode == second.returncode == 0

    keys = []
    for output in ["first", "second"]:
        env_file = tmp_path / output / "session_shop" / ".env"
        assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
        [key] = [
            line.removeprefix("DJANGO_SECRET_KEY=")
            for line in env_file.read_text().splitlines()
            if line.startswith("DJANGO_SECRET_KEY=")
        ]
        assert len(key) >= 50
        keys.append(key)
    assert keys[0] != keys[1]
    for replay in (tmp_path / "replay").glob("*.json"):
        assert keys[0] not in replay.read_text()
        assert keys[1] not in replay.read_text()
    gitignore = (tmp_path / "first" / "session_shop" / ".gitignore").read_text()
    assert ".env" in gitignore.splitlines()


def test_replay_gives_the_same_project(tmp_path):
    answers = {
        "session_engine": "file",
        "session_cookie_age": "3600",
        "session_cookie_name": "shop_session",
        "django_version": "6.1",
    }
    assert run_cookiecutter(tmp_path, answers=answers).returncode == 0
    first = files_of(tmp_path / "out" / "session_shop")
    [replay_file] = (tmp_path / "replay").glob("*.json")
    (tmp_path / "out" / "session_shop").rename(tmp_path / "first")

    result = run_cookiecutter(tmp_path, "--replay-file", replay_file, no_input=False)

    assert result.returncode == 0, result.stderr
    second = files_of(tmp_path / "out" / "session_shop")
    assert first.pop(".env") != second.pop(".env")
    assert first == second
    assert (
        'SESSION_COOKIE_NAME = "shop_session"'
        in second["config/settings/base.py"].decode()
    )


@pytest.mark.parametrize(
    "combination, kept",
    [
        (Combination("cache-locmem", {"session_engine": "cache"}), False),
        (
            Combination(
                "cache-redis", {"session_engine": "cache", "cache_backend": "redis"}
            ),
            True,
        ),
        (Combination("db", {"session_engine": "db"}), True),
    ],
    ids=["cache-locmem", "cache-redis", "db"],
)
def test_restart_test_only_where_sessions_survive_a_restart(bake, combination, kept):
    project = bake(combination)

    restart_test = project.path / "session_shop/tests/test_persistence.py"
    assert restart_test.exists() is kept


def test_the_readme_fits_a_first_screen_and_links_every_page_of_docs(tmp_path):
    # What it is, then how to run it, test it and make it yours; the rest in docs/.
    answers = {"database": "postgresql", "cache_backend": "redis"}  # its longest
    assert run_cookiecutter(tmp_path, answers=answers).returncode == 0
    project = tmp_path / "out" / "session_shop"
    readme = (project / "README.md").read_text()

    assert len(readme.splitlines()) <= 120
    headings = re.findall(r"^## (.+)$", readme, re.MULTILINE)
    assert headings[:3] == ["Run it", "Test it", "Make it yours"]
    linked = set(re.findall(r"\]\(([\w/.-]+\.md)\)", readme))
    pages = {f"docs/{page.name}" for page in (project / "docs").glob("*.md")}
    assert linked == pages | {"SECURITY.md"}
