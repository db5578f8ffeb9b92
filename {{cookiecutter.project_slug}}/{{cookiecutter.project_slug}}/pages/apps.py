from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The home page, and the pages that answer errors in the site's layout."""

    name = "{{ cookiecutter.project_slug }}.pages"
    verbose_name = "Pages"
