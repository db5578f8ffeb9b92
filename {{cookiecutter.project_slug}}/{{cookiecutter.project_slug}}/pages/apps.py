from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The home page, the error pages in the site's layout, and site-wide guards."""

    name = "{{ cookiecutter.project_slug }}.pages"
    verbose_name = _("Pages")

    def ready(self):
        from . import receivers  # noqa: F401  (connects the signal receivers)
