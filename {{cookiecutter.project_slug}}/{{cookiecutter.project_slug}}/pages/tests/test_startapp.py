{% raw %}"""manage.py startapp makes an app of this project: in its package, named for it."""

import re
import shutil
import subprocess
import sys
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

# Django template syntax that the app template left unrendered.
LEFT_OVER = re.compile(r"{{|}}|{%|%}")
APP_FILES = [
    "__init__.py",
    "admin.py",
    "apps.py",
    "migrations/__init__.py",
    "models.py",
    "tests/__init__.py",
    "tests/test_apps.py",
    "urls.py",
    "views.py",
]


@pytest.fixture
def package(settings, tmp_path):
    """Return the package of a project of the test's own, in tmp_path.

    It stands in for this project's package as APPS_DIR, beside a copy of this
    project's pyproject.toml, so that startapp writes nothing here.
    """
    shutil.copy(Path(settings.BASE_DIR) / "pyproject.toml", tmp_path)
    package = tmp_path / Path(settings.APPS_DIR).name
    package.mkdir()
    settings.BASE_DIR, settings.APPS_DIR = tmp_path, package
    return package


def startapp(*arguments):
    """Run startapp; return what it printed."""
    printed = StringIO()
    call_command("startapp", *arguments, stdout=printed)
    return printed.getvalue()


def test_new_apps_go_in_the_projects_package(settings):
    package = import_module(Path(settings.APPS_DIR).name)

    assert Path(package.__file__).resolve().parent == settings.APPS_DIR


def test_an_app_is_made_in_the_package_and_named_for_it(package):
    printed = startapp("catalog")

    app, module = package / "catalog", f"{package.name}.catalog"
    assert sorted(str(path.relative_to(app)) for path in app.rglob("*")) == (
        sorted([*APP_FILES, "migrations", "tests"])
    )
    assert f'    name = "{module}"\n' in (app / "apps.py").read_text()
    for name in APP_FILES:
        assert not LEFT_OVER.search((app / name).read_text()), name
    assert f'\n    "{module}",\n' in printed
    assert f'\n    path("catalog/", include("{module}.urls")),' in printed


def test_the_app_passes_ruff_as_made(package):
    startapp("catalog")

    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(  # noqa: S603 (this interpreter's ruff)
            [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
            cwd=package.parent,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_an_app_already_there_is_left_alone(package):
    (package / "catalog").mkdir()

    with pytest.raises(CommandError, match="already exists"):
        startapp("catalog")

    assert list((package / "catalog").iterdir()) == []


def test_a_bad_name_leaves_no_folder(package):
    with pytest.raises(CommandError, match="not a valid app name"):
        startapp("my-catalog")

    assert list(package.iterdir()) == []


def test_a_directory_given_names_the_app_by_where_it_is(package, tmp_path_factory):
    inside = package / "shop" / "catalog"
    outside = tmp_path_factory.mktemp("elsewhere") / "catalog"
    for folder in inside, outside:
        folder.mkdir(parents=True)  # as Django 5.2 wants a folder given

    printed = startapp("catalog", str(inside)) + startapp("catalog", str(outside))

    assert f'name = "{package.name}.shop.catalog"' in (inside / "apps.py").read_text()
    assert 'name = "catalog"' in (outside / "apps.py").read_text()
    assert f'\n    "{package.name}.shop.catalog",\n' in printed
    assert '\n    "catalog",\n' in printed


def test_a_template_given_is_used_instead(package, tmp_path_factory):
    template = tmp_path_factory.mktemp("template")
    (template / "apps.py-tpl").write_text('LABEL = "{{ app_name }}"\n')

    printed = startapp("catalog", "--template", str(template))

    assert [path.name for path in (package / "catalog").iterdir()] == ["apps.py"]
    assert (package / "catalog" / "apps.py").read_text() == 'LABEL = "catalog"\n'
    assert "urls" not in printed
{% endraw %}
