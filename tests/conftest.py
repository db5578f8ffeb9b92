import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from .combinations import TEMPLATE_DIR
from .environments import Environments, clean_environment


@dataclass
class BakedProject:
    path: Path
    answers: dict
    environments: Environments

    @property
    def python(self):
        return self.environments.python_for(self.path)

    def run(self, *args, **environment):
        """Run the project's python with args in its folder; fail with its output."""
        result = subprocess.run(
            [self.python, *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env=clean_environment(**environment),
            timeout=600,
        )
        assert result.returncode == 0, (
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
        return result

    def manage(self, *args, **environment):
        return self.run("manage.py", *args, **environment)


@pytest.fixture(scope="session")
def environments():
    return Environments(TEMPLATE_DIR / ".cache" / "venvs")


@pytest.fixture(scope="session")
def bake(cookies_session, environments):
    """Bake a combination once per test session; later calls return the same bake."""
    baked = {}

    def bake_once(combination):
        if combination.id not in baked:
            result = cookies_session.bake(
                extra_context=combination.answers, template=str(TEMPLATE_DIR)
            )
            assert result.exit_code == 0, result.exception
            baked[combination.id] = BakedProject(
                result.project_path, combination.answers, environments
            )
        return baked[combination.id]

    yield bake_once
    for project in baked.values():
        if project.answers.get("session_file_path"):
            shutil.rmtree(project.answers["session_file_path"], ignore_errors=True)
