import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse


@pytest.fixture(autouse=True)
def _database(db):
    """Every test may use the session store: for some engines, the database."""


@pytest.fixture
def csrf_client():
    """A client that, like a browser, must send the CSRF token with every POST."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def csrf_token(csrf_client):
    """The token a page's forms carry, fetched as a browser would."""
    csrf_client.get(reverse("playground"))
    return csrf_client.cookies[settings.CSRF_COOKIE_NAME].value
