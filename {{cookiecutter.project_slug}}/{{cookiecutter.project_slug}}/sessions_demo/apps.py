from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionsDemoConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.sessions_demo"
    verbose_name = _("Sessions demo")
