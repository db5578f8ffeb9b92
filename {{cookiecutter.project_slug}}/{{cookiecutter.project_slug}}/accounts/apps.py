from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Signing in and out: the demo user, and a message after each."""

    name = "{{ cookiecutter.project_slug }}.accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the signal receivers)
