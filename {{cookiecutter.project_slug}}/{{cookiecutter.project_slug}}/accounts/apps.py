from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in and out: the demo user, a message after each, the mail checks."""

    name = "{{ cookiecutter.project_slug }}.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Registers the system checks and connects the signal receivers.
        from . import checks, receivers  # noqa: F401
