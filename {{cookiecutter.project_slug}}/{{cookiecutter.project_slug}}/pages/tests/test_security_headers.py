"""Every response carries a strict Content-Security-Policy and fitting cache headers.

The policy may grow (another source for images, say); these tests hold what must stay.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from ...testing import OWN_PAGES

PAGES = [*OWN_PAGES, "login", "password_reset"]
# What any policy of this site keeps, whatever else is added.
REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# Django's own (6.0 and later), or the project's on 5.2.
CSP_MIDDLEWARE = ".ContentSecurityPolicyMiddleware"


def policy_of(response):
    """Return the response's Content-Security-Policy as {directive: sources}."""
    header = response["Content-Security-Policy"]
    parts = (part.strip().partition(" ") for part in header.split(";"))
    return {name: sources for name, _, sources in parts if name}


def answers_of_every_kind(client, csrf_client):
    """Yield a page, a redirect, a form refused, and each error page."""
    yield client.get(reverse("pages:home"))
    yield client.post(reverse("cart:add", args=["tea"]))
    yield client.post(reverse("cart:add", args=["tea"]), {"quantity": "-1"})
    yield client.get("/no-such-page/")
    yield client.get(reverse("cart:clear"))  # 405
    yield client.get("/", headers={"host": "evil.example"})  # 400
    yield csrf_client.post(reverse("cart:clear"))  # 403, no CSRF token


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_a_strict_policy(client, name):
    policy = policy_of(client.get(reverse(name)))

    assert REQUIRED_DIRECTIVES.items() <= policy.items()
    for sources in policy.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources


def test_answers_of_every_kind_have_the_policy(client, csrf_client):
    for response in answers_of_every_kind(client, csrf_client):
        assert REQUIRED_DIRECTIVES.items() <= policy_of(response).items(), response


def test_a_report_only_policy_goes_out_beside_the_enforced_one(client, settings):
    settings.SECURE_CSP_REPORT_ONLY = {
        **settings.SECURE_CSP,
        "img-src": ["'self'", "https://images.example.com"],
    }

    response = client.get(reverse("pages:home"))

    assert response["Content-Security-Policy-Report-Only"].endswith(
        "img-src 'self' https://images.example.com"
    )
    assert "images.example.com" not in response["Content-Security-Policy"]


def test_every_settings_module_keeps_the_policy(load_settings_module):
    base = load_settings_module("config.settings.base")
    modules = [
        load_settings_module("config.settings.local", DJANGO_SECRET_KEY="x" * 50),
        load_settings_module(
            "config.settings.production",
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_ALLOWED_HOSTS="shop.example.com",
        ),
        settings,
    ]
    for module in modules:
        assert module.SECURE_CSP == base.SECURE_CSP
        assert [name for name in module.MIDDLEWARE if name.endswith(CSP_MIDDLEWARE)]


@pytest.mark.parametrize("name", PAGES)
def test_pages_that_read_the_session_are_private(client, name):
    response = client.get(reverse(name))

    assert "private" in response["Cache-Control"]


def test_the_playground_is_stored_by_no_cache(client):
    response = client.get(reverse("sessions_demo:playground"))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_refused_playground_form_is_stored_by_no_cache(client):
    response = client.post(reverse("sessions_demo:session_set"), {"key": ""})

    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
