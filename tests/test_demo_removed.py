"""session_guard stands without the demo apps: its own checks and tests pass.

A team removes a demo app by deleting its folder and the lines that name it in
config/settings/*.py and config/urls.py, nothing else. With both demo apps gone, the
system checks pass and session_guard's suite, which uses views of its own, is green.
"""

import shutil

import pytest

from .combinations import Combination

DEMO_APPS = ["sessions_demo", "cart"]
DEMO_REMOVED = Combination("demo-removed", {"project_name": "Demo Removed"})


def remove_app(project, app):
    """Delete an app's folder and every line of the settings and URLs that names it."""
    slug = project.path.name
    shutil.rmtree(project.path / slug / app)
    config = project.path / "config"
    for path in [*config.glob("settings/*.py"), config / "urls.py"]:
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(line for line in lines if f"{slug}.{app}" not in line))


@pytest.mark.parametrize("combination", [DEMO_REMOVED.param()])
def test_session_guard_passes_its_checks_and_tests_without_the_demo(bake, combination):
    project = bake(combination)
    for app in DEMO_APPS:
        remove_app(project, app)

    project.manage("check", "--fail-level", "WARNING")
    slug = project.path.name
    project.run("-m", "pytest", "-q", "-p", "no:cacheprovider", f"{slug}/session_guard")
