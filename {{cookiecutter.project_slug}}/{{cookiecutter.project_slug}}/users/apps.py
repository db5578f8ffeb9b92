from django.apps import AppConfig


class UsersConfig(AppConfig):
    """The project's user model, AUTH_USER_MODEL, and its admin."""

    name = "{{ cookiecutter.project_slug }}.users"
    verbose_name = "Users"
