from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionGuardConfig(AppConfig):
    """Sessions read once and guarded: locks, timeouts, records, checks."""

    name = "{{ cookiecutter.project_slug }}.session_guard"
    verbose_name = _("Session guard")

    def ready(self):
        # Registers the system checks and connects the signal receivers.
        from . import checks, receivers  # noqa: F401
