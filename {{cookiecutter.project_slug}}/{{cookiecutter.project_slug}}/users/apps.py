from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """The project's user model, AUTH_USER_MODEL, and its admin."""

    name = "{{ cookiecutter.project_slug }}.users"
    verbose_name = _("Users")
