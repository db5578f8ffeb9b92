from django.apps import AppConfig


class SessionGuardConfig(AppConfig):
    """Sessions read once and guarded: locks, timeouts, records, checks."""

    name = "{{ cookiecutter.project_slug }}.session_guard"
    verbose_name = "Session guard"

    def ready(self):
        # Registers the system checks and connects the signal receivers.
        from . import checks, receivers  # noqa: F401
