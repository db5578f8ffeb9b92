from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Signing in and out: the demo user, a message after each, the mail checks."""

    name = "{{ cookiecutter.project_slug }}.accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Registers the system checks and connects the signal receivers.
        from . import checks, receivers  # noqa: F401
