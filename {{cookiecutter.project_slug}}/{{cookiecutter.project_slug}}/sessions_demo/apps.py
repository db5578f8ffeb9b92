from django.apps import AppConfig


class SessionsDemoConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.sessions_demo"
    verbose_name = "Sessions demo"
