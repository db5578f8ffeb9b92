import contextlib
import os
import shutil
from pathlib import Path

import pytest

from harness import TEMPLATE_DIR
from harness.baking import BakedProject, prepare_for_production
from harness.environments import Environments
from harness.services import environment_for


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
            if folder := combination.answers.get("session_file_path"):
                # As the next steps printed after generation say.
                Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
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
            folder = Path(project.answers["session_file_path"])
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):  # another run's folder is still there
                folder.parent.rmdir()


@pytest.fixture
def deploy():
    """prepare_for_production, cleaned up after the test."""
    cleanups = []

    def prepare(project, **environment):
        environment, clean_up = prepare_for_production(project, **environment)
        cleanups.append(clean_up)
        return environment

    yield prepare
    for clean_up in cleanups:
        clean_up()


def pytest_xdist_auto_num_workers(config):
    """Run one worker more than there are cores.

    Much of the matrix waits: on Chromium, on servers starting, on PostgreSQL and
    Redis. A third worker on two cores fills those waits.
    """
    return (os.cpu_count() or 1) + 1
