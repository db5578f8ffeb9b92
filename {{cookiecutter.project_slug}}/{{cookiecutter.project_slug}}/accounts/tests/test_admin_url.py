"""The admin lives where ADMIN_URL says: DJANGO_ADMIN_URL in production."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.com"}


def test_the_admin_is_at_admin_url():
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"


def test_production_takes_the_admin_path_from_the_environment(load_settings_module):
    production = load_settings_module(
        "config.settings.production", DJANGO_ADMIN_URL="staff-3f9a/", **PRODUCTION
    )

    assert production.ADMIN_URL == "staff-3f9a/"


@pytest.mark.parametrize("path", ["/staff/", "staff", "/"])
def test_production_refuses_an_admin_path_that_would_not_route(
    load_settings_module, path
):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ADMIN_URL"):
        load_settings_module(
            "config.settings.production", DJANGO_ADMIN_URL=path, **PRODUCTION
        )
