"""An app made with `manage.py startapp` is the project's from its first command.

On a bake of its own, since the test changes it: the app is made in the project's
package; its first test fails until the line startapp prints is in INSTALLED_APPS, and
passes, collected with the rest, once it is; with a model and the migration that
makemigrations writes, ruff still finds nothing.
"""

import pytest

from .combinations import Combination

STARTAPP = Combination("startapp", {"project_name": "Startapp Shop"})
# A first model whose migration imports what makemigrations sorts its own way: the
# standard library's uuid among Django's modules.
MODEL = '''
import uuid

from django.conf import settings
from django.db import models


class Product(models.Model):
    """Something the shop sells."""

    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    def __str__(self):
        return self.name
'''


def install(project, line):
    """Add a line at the end of INSTALLED_APPS, as a team would."""
    base = project.path / "config" / "settings" / "base.py"
    text = base.read_text()
    end = text.index("\n]\n", text.index("INSTALLED_APPS = ["))
    base.write_text(f"{text[:end]}\n{line}{text[end:]}")


def pytest_of(project, *arguments):
    """Run the bake's own pytest; the test judges how it went."""
    return project.run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", *arguments, check=False
    )


@pytest.mark.parametrize("combination", [STARTAPP.param()])
def test_a_new_app_is_installed_migrated_linted_and_tested(bake, combination):
    project = bake(combination)
    slug = project.path.name
    app = project.path / slug / "catalog"

    made = project.manage("startapp", "catalog")
    line = f'    "{slug}.catalog",'
    assert line in made.stdout.splitlines(), made.stdout
    before = pytest_of(project, f"{slug}/catalog")
    assert before.returncode == 1, before.stdout
    assert "add it to INSTALLED_APPS in config/settings/base.py" in before.stdout

    install(project, line)
    (app / "models.py").write_text((app / "models.py").read_text() + MODEL)
    project.manage("makemigrations", "catalog")

    assert (app / "migrations" / "0001_initial.py").is_file()
    project.manage("check", "--fail-level", "WARNING")
    project.run("-m", "ruff", "check", "--no-cache", ".")
    project.run("-m", "ruff", "format", "--check", "--no-cache", ".")
    collected = pytest_of(project, "--collect-only")
    assert f"{slug}/catalog/tests/test_apps.py::test_the_app_is_installed" in (
        collected.stdout
    )
    after = pytest_of(project, f"{slug}/catalog")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "1 passed" in after.stdout
