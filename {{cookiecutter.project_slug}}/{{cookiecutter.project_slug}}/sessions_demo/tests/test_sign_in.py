"""Signing in cycles the session key and keeps the cart; signing out flushes it all."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

PASSWORD = "correct horse battery 42"


@pytest.fixture
def demo_user(django_user_model):
    return django_user_model.objects.create_user("demo", password=PASSWORD)


def sign_in(client):
    response = client.post(reverse("login"), {"username": "demo", "password": PASSWORD})
    assert response.status_code == 302


def session_cookie(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_the_command_makes_a_demo_user_who_can_sign_in(client, capsys):
    call_command("create_demo_user", "--password", PASSWORD)

    assert "Created 'demo'" in capsys.readouterr().out
    sign_in(client)
    assertContains(client.get(reverse("playground")), "Signed in as")


def test_the_command_refuses_a_weak_password():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="too common"):
        call_command("create_demo_user", "--password", "password")


def test_signing_in_keeps_the_cart_under_a_new_key(client, demo_user):
    client.post(reverse("add_to_cart", args=["tea"]))
    key_before = session_cookie(client)

    sign_in(client)

    assert session_cookie(client) != key_before
    assert client.session["cart"] == {"tea": 1}


def test_a_key_planted_before_sign_in_does_not_sign_the_attacker_in(client, demo_user):
    client.get(reverse("set_session"))
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = session_cookie(client)

    sign_in(client)

    assertNotContains(attacker.get(reverse("playground")), "Signed in as")


def test_signing_out_flushes_the_session(client, demo_user):
    sign_in(client)
    client.post(reverse("add_to_cart", args=["tea"]))
    signed_in_cookie = session_cookie(client)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert "cart" not in client.session
    assertNotContains(client.get(reverse("playground")), "Signed in as")
{% if cookiecutter.session_engine != "signed_cookies" %}
    # The signed-in key is retired: a copy of the cookie is worth nothing now.
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = signed_in_cookie
    assertNotContains(thief.get(reverse("playground")), "Signed in as")
{% else %}
    assert signed_in_cookie  # a copy stays valid: see test_signed_cookie_limits.py
{% endif %}


def test_signing_out_needs_a_post(client, demo_user):
    sign_in(client)

    assert client.get(reverse("logout")).status_code == 405
