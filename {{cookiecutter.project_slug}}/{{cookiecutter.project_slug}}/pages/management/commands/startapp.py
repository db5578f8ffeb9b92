from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import startapp

import {{ cookiecutter.project_slug }}

APP_TEMPLATE = Path({{ cookiecutter.project_slug }}.__file__).parent / "app_template"


class Command(startapp.Command):
    help = (
        "Create an app in the project's package (APPS_DIR), or in the directory "
        "given, from the project's app template unless --template names another."
    )
    # For validate_name's messages, before TemplateCommand.handle sets them.
    app_or_project, a_or_an = "app", "an"

    def handle(self, **options):
        if options["directory"] is None:
            # Django's would make it in the current folder, outside the package.
            options["directory"] = str(self.make_folder(options["name"]))
        options["template"] = options["template"] or str(APP_TEMPLATE)
        folder = Path(options["directory"]).expanduser().resolve()
        # Options reach the app template as its context: apps.py names the app by it.
        options["app_module"] = import_path(folder)
        super().handle(**options)
        self.stdout.write(next_steps(options["app_module"], folder))

    def make_folder(self, name):
        """Make the new app's folder in the project's package (Django 5.2 wants it)."""
        self.validate_name(name)  # first, so that a bad name leaves no folder
        folder = Path(settings.APPS_DIR) / name
        try:
            folder.mkdir()
        except FileExistsError:
            raise CommandError(f"'{folder}' already exists") from None
        return folder


def import_path(folder):
    """Return the dotted path that imports a folder of the project.

    A folder outside the project gets its name alone, as in Django's app template.
    """
    try:
        return ".".join(folder.relative_to(Path(settings.BASE_DIR).resolve()).parts)
    except ValueError:
        return folder.name


def next_steps(app_module, folder):
    """Return what to add to the settings, and to the URLs if the app has some."""
    steps = [
        f"Made {folder}. Add it to INSTALLED_APPS in config/settings/base.py:",
        f'    "{app_module}",',
    ]
    if (folder / "urls.py").exists():
        steps += [
            "and, once it has views, its URLs to config/urls.py:",
            f'    path("{folder.name}/", include("{app_module}.urls")),',
        ]
    return "\n".join(steps)
