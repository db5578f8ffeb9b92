import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .combinations import TEMPLATE_DIR
from .environments import Environments, clean_environment
from .services import environment_for


@dataclass
class BakedProject:
    path: Path
    answers: dict
    environments: Environments
    # DATABASE_URL and REDIS_URL, for bakes that use those servers
    service_environment: dict = field(default_factory=dict)

    @property
    def python(self):
        return self.environments.python_for(self.path)

    def run(self, *args, check=True, **environment):
        """Run the project's python with args in its folder.

        With check, a failure fails the test and shows the output.
        """
        result = subprocess.run(
            [self.python, *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env=clean_environment(**{**self.service_environment, **environment}),
            timeout=600,
        )
        assert not check or result.returncode == 0, (
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
        return result

    def manage(self, *args, check=True, **environment):
        return self.run("manage.py", *args, check=check, **environment)


@pytest.fixture(scope="session")
def environments():
    return Environments(TEMPLATE_DIR / ".cache" / "venvs")


@pytest.fixture(scope="session")
def bake(cookies_session, environments):
    """Bake a combination once per test session; later calls return the same bake."""
    baked = {}

    def bake_once(combination):
        if combination.id not in baked:
            service_environment = environment_for(combination.answers, combination.id)
            result = cookies_session.bake(
                extra_context=combination.answers, template=str(TEMPLATE_DIR)
            )
            assert result.exit_code == 0, result.exception
            baked[combination.id] = BakedProject(
                result.project_path,
                combination.answers,
                environments,
                service_environment,
            )
        return baked[combination.id]

    yield bake_once
    for project in baked.values():
        if project.answers.get("session_file_path"):
            shutil.rmtree(project.answers["session_file_path"], ignore_errors=True)
