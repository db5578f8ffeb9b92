"""Production mail goes through the server of EMAIL_URL; check --deploy says if not."""

import pytest
from django.core.checks import registry
from django.test import override_settings

from ..checks import check_mail_is_set_up

PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "shop.example.com"}
MAIL_SET_UP = {
    "EMAIL_URL": "smtp+tls://shop:s%40cret@smtp.example.com:587",
    "DJANGO_DEFAULT_FROM_EMAIL": "Shop <shop@example.com>",
}
# What the mail check reads.
{% if cookiecutter.django_version == "5.2" %}
MAIL_SETTINGS = ["EMAIL_BACKEND", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"]
{% else %}
MAIL_SETTINGS = ["MAILERS", "DEFAULT_FROM_EMAIL"]
{% endif %}


@pytest.fixture
def production(load_settings_module, monkeypatch):
    """Return a function that loads the production settings in an environment."""
    for name in MAIL_SET_UP:
        monkeypatch.delenv(name, raising=False)

    def load(**environment):
        return load_settings_module(
            "config.settings.production", **PRODUCTION, **environment
        )

    return load


def mail_settings(module):
    return {name: getattr(module, name) for name in MAIL_SETTINGS}


def test_production_sends_mail_through_the_server_of_email_url(production):
    module = production(**MAIL_SET_UP)

{% if cookiecutter.django_version == "5.2" %}
    assert module.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (module.EMAIL_HOST, module.EMAIL_PORT) == ("smtp.example.com", 587)
    assert (module.EMAIL_HOST_USER, module.EMAIL_HOST_PASSWORD) == ("shop", "s@cret")
    assert module.EMAIL_USE_TLS is True
{% else %}
    assert module.MAILERS == {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "smtp.example.com",
                "port": 587,
                "username": "shop",
                "password": "s@cret",
                "use_tls": True,
                "use_ssl": False,
            },
        },
    }
{% endif %}
    assert module.DEFAULT_FROM_EMAIL == "Shop <shop@example.com>"
    assert module.SERVER_EMAIL == "Shop <shop@example.com>"


def test_check_deploy_warns_of_production_without_mail_settings(production):
    with override_settings(**mail_settings(production())):
        warnings = check_mail_is_set_up(None)

    assert [warning.id for warning in warnings] == ["accounts.W001", "accounts.W002"]
    assert "EMAIL_URL" in warnings[0].hint
    assert "DJANGO_DEFAULT_FROM_EMAIL" in warnings[1].hint


def test_check_deploy_is_silent_with_mail_settings(production):
    with override_settings(**mail_settings(production(**MAIL_SET_UP))):
        assert check_mail_is_set_up(None) == []


def test_the_mail_check_waits_for_check_deploy():
    # Development prints mail to the console: nothing to set up there.
    assert check_mail_is_set_up not in registry.registry.get_checks()
    assert check_mail_is_set_up in registry.registry.get_checks(
        include_deployment_checks=True
    )
