from django.apps import AppConfig


class CartConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.cart"
    verbose_name = "Cart"
