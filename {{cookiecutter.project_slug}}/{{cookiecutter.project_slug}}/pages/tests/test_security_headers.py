"""Every answer carries a strict Content-Security-Policy, whatever its kind.

The policy may grow (another source for images, say); these tests hold what must stay.
Each page's policy and cache headers are checked by assert_site_page (testing.py).
"""

from django.conf import settings
from django.urls import reverse

from ...testing import REQUIRED_DIRECTIVES, policy_of

# Django's own (6.0 and later), or the project's on 5.2.
CSP_MIDDLEWARE = ".ContentSecurityPolicyMiddleware"


def answers_of_every_kind(client, csrf_client):
    """Yield a page, a redirect, a form refused, and each error page."""
    yield client.get(reverse("pages:home"))
    yield client.get(reverse("password_change"))  # to sign in first
    yield client.post(reverse("login"), {"username": "demo", "password": "wrong"})
    yield client.get("/no-such-page/")
    yield client.get(reverse("logout"))  # 405
    yield client.get("/", headers={"host": "evil.example"})  # 400
    yield csrf_client.post(reverse("login"))  # 403, no CSRF token


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
