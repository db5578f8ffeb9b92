"""The project's URLs, which its layout links to, and the tests' own views."""

from django.conf import settings
from django.urls import include, path

from .views import TEST_VIEWS

# Read when the tests first import this module, before they point ROOT_URLCONF here.
PROJECT_URLCONF = settings.ROOT_URLCONF

urlpatterns = [
    path("session-guard-tests/", TEST_VIEWS),
    path("", include(PROJECT_URLCONF)),
]
