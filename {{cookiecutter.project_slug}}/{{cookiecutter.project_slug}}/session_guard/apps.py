from django.apps import AppConfig


class SessionGuardConfig(AppConfig):
    """System checks for the session setup, session locks, and an outage-proof cache."""

    name = "{{ cookiecutter.project_slug }}.session_guard"
    verbose_name = "Session guard"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
