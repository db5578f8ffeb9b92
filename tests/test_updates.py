"""A project made from an earlier template updates to this one with cruft.

The project is made with cruft from BASELINE, committed, changed by its team, and
updated to this checkout as it is on disk: no rejected hunk, no conflict marker, `.env`
untouched, the team's change kept, the same files as a project made now, and its own
suite green. Then its session engine is switched with cruft, from file to cache on
Redis, and `migrate_sessions` carries a visitor's session across: the same cookie finds
the same cart and the same signed-in user over HTTP, before and after.
"""

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import TEMPLATE_DIR
from harness.baking import BakedProject, prepare_for_production
from harness.environments import clean_environment
from harness.servers import CookieClient, gunicorn, redis_server
from harness.services import environment_for

from .cli import run_cookiecutter

# The template as it landed on 2026-11-22. Move it forward at each release, and keep
# CHANGELOG.md's steps since it true.
BASELINE = "747fdf62ba3f35c6293e8b36bfe43dbc74988dad"
ANSWERS = {
    "project_name": "Update Shop",
    "session_engine": "file",
    "cache_backend": "redis",
}
# The team's own work: a note at the top of the README, where the template has not
# changed since BASELINE, and a page of its own.
TEAM_NOTE = "\nRun by the shop team: deploys go out on Tuesdays.\n"
TEAM_PAGE = "docs/on-tuesdays.md"
# What differs between the updated project and one made now, besides the team's note.
NOT_FROM_THE_TEMPLATE = {".git", ".env", ".cruft.json", "var"}
PASSWORD = "correct horse battery staple 42"
GIT_IDENTITY = {
    f"GIT_{role}_{part}": value
    for role in ("AUTHOR", "COMMITTER")
    for part, value in (("NAME", "Team"), ("EMAIL", "team@example.com"))
}

pytestmark = pytest.mark.xdist_group("updates")


def run(*command, cwd, check=True):
    """Run a command; on failure, fail the test with its output."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=clean_environment(**GIT_IDENTITY),
    )
    assert not check or result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n"
        f"{result.stdout}\n{result.stderr}"
    )
    return result


def cruft(*arguments, cwd):
    return run(Path(sys.executable).with_name("cruft"), *arguments, cwd=cwd)


def template_repository(folder):
    """Return a clone of this template whose HEAD is this checkout as it is on disk."""
    if run("git", "cat-file", "-e", f"{BASELINE}^{{commit}}", cwd=TEMPLATE_DIR,
           check=False).returncode:  # fmt: skip
        pytest.skip(f"this checkout's history lacks the baseline commit {BASELINE}")
    clone = folder / "template"
    run("git", "clone", "-q", "--no-local", TEMPLATE_DIR, clone, cwd=folder)
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                 cwd=TEMPLATE_DIR).stdout  # fmt: skip
    for name in filter(None, listed.split("\0")):
        source, target = TEMPLATE_DIR / name, clone / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        else:
            target.unlink(missing_ok=True)  # deleted here, not yet in a commit
    run("git", "add", "-A", cwd=clone)
    run("git", "commit", "-q", "--allow-empty", "-m", "This checkout", cwd=clone)
    return clone


def rejects_and_conflicts(project):
    rejects = [str(path.relative_to(project)) for path in project.rglob("*.rej")]
    markers = run("git", "grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", cwd=project,
                  check=False).stdout.split()  # fmt: skip
    return rejects + markers


def differences(comparison, prefix=""):
    """Yield the paths that a filecmp.dircmp found in one folder only, or unequal."""
    yield from (
        prefix + name
        for name in comparison.left_only
        + comparison.right_only
        + comparison.diff_files
        + comparison.funny_files
    )
    for name, sub in comparison.subdirs.items():
        yield from differences(sub, f"{prefix}{name}/")


@pytest.fixture(scope="module")
def updated(tmp_path_factory, environments):
    """Return the project made from BASELINE, changed by its team, then updated."""
    folder = tmp_path_factory.mktemp("updates")
    template = template_repository(folder)
    cruft("create", "--no-input", "--checkout", BASELINE, "--output-dir", folder,
          "--extra-context", json.dumps(ANSWERS), template, cwd=folder)  # fmt: skip
    path = folder / "update_shop"
    run("git", "init", "-q", cwd=path)
    run("git", "add", "-A", cwd=path)
    run("git", "commit", "-q", "-m", "Made from the template", cwd=path)
    # The team's own work, and the step CHANGELOG.md asks before a first update.
    readme = path / "README.md"
    title, rest = readme.read_text().split("\n", 1)
    readme.write_text(title + "\n" + TEAM_NOTE + rest)
    (path / TEAM_PAGE).parent.mkdir()
    (path / TEAM_PAGE).write_text("# Deploying\n\nOn Tuesdays.\n")
    state = json.loads((path / ".cruft.json").read_text())
    (path / ".cruft.json").write_text(json.dumps({**state, "skip": [".env"]}))
    run("git", "add", "-A", cwd=path)
    run("git", "commit", "-q", "-m", "Our notes; cruft leaves .env alone", cwd=path)
    dot_env = (path / ".env").read_bytes()

    update = cruft("update", "--skip-apply-ask", cwd=path)
    conflicts = rejects_and_conflicts(path)
    run("git", "add", "-A", cwd=path)
    run("git", "commit", "-q", "-m", "Update from the template", cwd=path)

    (folder / "made-now").mkdir()
    made_now = run_cookiecutter(folder / "made-now", answers=ANSWERS)
    assert made_now.returncode == 0, made_now.stderr
    return {
        "project": BakedProject(
            path, ANSWERS, environments, environment_for(ANSWERS, "updates")
        ),
        "update": update,
        "conflicts": conflicts,
        "dot_env": dot_env,
        "made_now": folder / "made-now" / "out" / "update_shop",
        "template": template,
    }


def test_the_update_merges_cleanly_and_keeps_the_teams_work(updated):
    path = updated["project"].path

    assert updated["conflicts"] == [], updated["update"].stdout
    assert (path / ".env").read_bytes() == updated["dot_env"]
    assert TEAM_NOTE in (path / "README.md").read_text()
    assert (path / TEAM_PAGE).is_file()
    head = run("git", "rev-parse", "HEAD", cwd=updated["template"]).stdout.strip()
    assert json.loads((path / ".cruft.json").read_text())["commit"] == head


def test_the_updated_project_is_a_project_made_now(updated):
    path, made_now = updated["project"].path, updated["made_now"]
    readme = (path / "README.md").read_text().replace(TEAM_NOTE, "", 1)

    assert readme == (made_now / "README.md").read_text()
    comparison = filecmp.dircmp(path, made_now, ignore=list(NOT_FROM_THE_TEMPLATE))
    assert sorted(differences(comparison)) == ["README.md", TEAM_PAGE]


def test_the_updated_projects_own_suite_passes(updated):
    # The browser and the servers: a project made now runs them in the matrix, and
    # the update leaves no file that differs from one.
    updated["project"].run(
        *("-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-profile=quick"),
        *("-m", "not e2e and not serving"),
    )


def test_switching_the_engine_with_cruft_signs_nobody_out(updated, tmp_path):
    path = tmp_path / "update_shop"
    run("git", "clone", "-q", updated["project"].path, path, cwd=tmp_path)
    # A new checkout: git keeps neither .env nor the folder of session files.
    shutil.copy2(updated["project"].path / ".env", path / ".env")
    (path / "var" / "sessions").mkdir(mode=0o700, parents=True)
    redis = redis_server(tmp_path)
    with redis:
        project = BakedProject(
            path, ANSWERS, updated["project"].environments,
            {"REDIS_URL": f"redis://127.0.0.1:{redis.port}/0"},
        )  # fmt: skip
        environment, _ = prepare_for_production(project)  # a Redis of its own
        project.manage("create_demo_user", "--password", PASSWORD, **environment)
        visitor = CookieClient()
        with gunicorn(project, tmp_path / "before.log", **environment) as server:
            visitor.submit(f"{server.url}/add_to_cart/tea/", quantity="2")
            visitor.submit(f"{server.url}/accounts/login/", username="demo",
                           password=PASSWORD)  # fmt: skip
            assert visitor.cart(server.url) == {"tea": 2}

        cruft("update", "--skip-apply-ask", "--variables-to-update",
              '{"session_engine": "cache"}', cwd=path)  # fmt: skip
        assert rejects_and_conflicts(path) == []
        report = project.manage("migrate_sessions", "--from", "file", "--file-path",
                                path / "var" / "sessions", **environment)  # fmt: skip

        with gunicorn(project, tmp_path / "after.log", **environment) as server:
            assert visitor.cart(server.url) == {"tea": 2}
            sessions_page = visitor.get(f"{server.url}/accounts/sessions/")
    assert report.stdout.startswith("Copied 1 live session from file into cache")
    assert project.session_settings()["production"]["SESSION_ENGINE"].endswith(
        "session_guard.cache"
    )
    assert sessions_page.status_code == 200
    assert "this device" in sessions_page.text
