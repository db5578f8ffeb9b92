"""A demo app comes out by contract, and everything left stays green.

A team removes a demo app by deleting its folder and the lines that name it in
config/settings/*.py and config/urls.py, nothing else. Without the cart, and without
both the session demo and the cart, the system checks, the migrations and ruff pass,
the project's own suite is green, browser tests included, and it still holds every
test that lives outside the demo apps.
"""

import shutil

import pytest

from harness.baking import BakedProject

from .combinations import ENGINE_MATRIX, first

# A browser-tested bake of tests/test_generated_projects.py, copied, not baked again;
# one whose own suite leaves the accessibility sweep to others, so that its worker
# has time for two more suites.
BAKED = first(ENGINE_MATRIX, session_engine="signed_cookies")
DEMO_APPS = ["cart", "sessions_demo"]
REMOVALS = {"cart-removed": ["cart"], "demo-and-cart-removed": DEMO_APPS}


def remove_app(project, app):
    """Delete an app's folder and every line of the settings and URLs that names it."""
    slug = project.path.name
    shutil.rmtree(project.path / slug / app)
    config = project.path / "config"
    for path in [*config.glob("settings/*.py"), config / "urls.py"]:
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(line for line in lines if f"{slug}.{app}" not in line))


def copy_of(project, folder):
    """Return a copy of a baked project in folder, on the same virtual environment."""
    path = folder / project.path.name
    shutil.copytree(project.path, path, ignore=shutil.ignore_patterns("var"))
    return BakedProject(
        path, project.answers, project.environments, project.service_environment
    )


def collected_outside_the_demo(project):
    """Return the ids of the tests the project's suite collects outside the demo."""
    result = project.run("-m", "pytest", "--collect-only", "-q",
                         "-p", "no:cacheprovider")  # fmt: skip
    demo = tuple(f"{project.path.name}/{app}/" for app in DEMO_APPS)
    ids = {line for line in result.stdout.splitlines() if "::" in line}
    return {node_id for node_id in ids if not node_id.startswith(demo)}


@pytest.mark.parametrize("combination", [BAKED.param()])
@pytest.mark.parametrize("removed", REMOVALS.values(), ids=REMOVALS)
def test_the_project_stands_without_demo_apps(bake, tmp_path, combination, removed):
    project = bake(combination)
    kept_tests = collected_outside_the_demo(project)
    assert kept_tests
    project = copy_of(project, tmp_path)
    for app in removed:
        remove_app(project, app)

    project.manage("check", "--fail-level", "WARNING")
    project.manage("makemigrations", "--check", "--dry-run")
    project.run("-m", "ruff", "check", "--no-cache", ".")
    project.run("-m", "ruff", "format", "--check", "--no-cache", ".")
    assert collected_outside_the_demo(project) == kept_tests
    # Every page goes through the accessibility sweep once, without both demo apps,
    # where the layout loses its navigation.
    sweep = [] if removed == DEMO_APPS else ["-k", "not test_page_reads_well"]
    project.run("-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--hypothesis-profile=quick", *sweep)  # fmt: skip
