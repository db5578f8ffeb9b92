"""Each supported combination bakes a project that passes its own checks."""

import re

import pytest

from .combinations import RENDER_ONLY, SUPPORTED

# A Jinja expression or statement about the answers that was not rendered.
UNRENDERED = re.compile(r"\{\{-?\s*cookiecutter\b|\{%-?\s*\w+[^%]*\bcookiecutter\.")


@pytest.mark.parametrize("combination", SUPPORTED)
def test_own_test_suite_passes(bake, combination):
    bake(combination).run("-m", "pytest", "-q", "-p", "no:cacheprovider")


@pytest.mark.parametrize("combination", SUPPORTED + RENDER_ONLY)
def test_manage_py_check_passes(bake, combination):
    bake(combination).manage("check", "--fail-level", "WARNING")


@pytest.mark.parametrize("combination", SUPPORTED + RENDER_ONLY)
def test_migrations_match_the_models(bake, combination):
    bake(combination).manage("makemigrations", "--check", "--dry-run")


@pytest.mark.parametrize("combination", SUPPORTED + RENDER_ONLY)
def test_ruff_finds_nothing_to_change(bake, combination):
    project = bake(combination)
    project.run("-m", "ruff", "check", "--no-cache", ".")
    project.run("-m", "ruff", "format", "--check", "--no-cache", ".")


@pytest.mark.parametrize("combination", SUPPORTED + RENDER_ONLY)
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
