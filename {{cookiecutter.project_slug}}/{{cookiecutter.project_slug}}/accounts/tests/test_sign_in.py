"""Signing in cycles the session key and keeps the data; signing out flushes it all."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from ...testing import DEMO_PASSWORD, session_cookie, visitor_with_cookie

HOME = reverse("pages:home")


def test_the_command_makes_a_demo_user_who_can_sign_in(client, capsys):
    call_command("create_demo_user", "--password", DEMO_PASSWORD)

    assert "Created 'demo'" in capsys.readouterr().out
    response = client.post(
        reverse("login"),
        {"username": "demo", "password": DEMO_PASSWORD},
        follow=True,
    )
    assertContains(response, "Signed in as demo.")


def test_the_command_resets_the_password_of_an_existing_user(demo_user, capsys):
    call_command("create_demo_user", "--password", "another horse battery 43")

    assert "Reset the password of 'demo'" in capsys.readouterr().out
    demo_user.refresh_from_db()
    assert demo_user.check_password("another horse battery 43")


def test_the_command_makes_up_a_password_when_given_none(capsys, django_user_model):
    call_command("create_demo_user", "--username", "tester")

    password = capsys.readouterr().out.rsplit(" ", 1)[-1].strip()
    assert django_user_model.objects.get(username="tester").check_password(password)


def test_the_command_refuses_a_weak_password():
    with pytest.raises(CommandError, match="too common"):
        call_command("create_demo_user", "--password", "password")


def test_the_header_offers_sign_in_then_names_the_user(client, sign_in):
    assertContains(client.get(HOME), f'href="{reverse("login")}')

    sign_in(client)

    response = client.get(HOME)
    assertContains(response, "Signed in as <strong>demo</strong>", html=True)
    assertContains(response, f'action="{reverse("logout")}"')


def test_a_wrong_password_shows_the_form_again_with_an_error(client, demo_user):
    response = client.post(
        reverse("login"), {"username": "demo", "password": "wrong horse"}
    )

    assertContains(response, "Please enter a correct username and password")
    assertNotContains(response, "Signed in as")


def test_signing_in_keeps_the_data_under_a_new_key(visitor, sign_in):
    key_before = session_cookie(visitor).value

    sign_in(visitor)

    assert session_cookie(visitor).value != key_before
    assert visitor.session["note"] == "tea"


def test_a_key_planted_before_sign_in_does_not_sign_the_attacker_in(visitor, sign_in):
    attacker = visitor_with_cookie(session_cookie(visitor).value)

    sign_in(visitor)

    assertNotContains(attacker.get(HOME), "Signed in as")


def test_signing_out_flushes_the_session_and_says_so(visitor, sign_in):
    sign_in(visitor)
    signed_in_cookie = session_cookie(visitor).value

    response = visitor.post(reverse("logout"), follow=True)

    assertContains(response, "Signed out: the session and its data are gone.")
    assert "note" not in visitor.session
    assertNotContains(visitor.get(HOME), "Signed in as")
    # A copy of the signed-in cookie is worth nothing now, whatever the engine.
    thief = visitor_with_cookie(signed_in_cookie)
    assertNotContains(thief.get(HOME), "Signed in as")


def test_signing_out_needs_a_post(client, sign_in):
    sign_in(client)

    response = client.get(reverse("logout"))

    assertContains(response, "cannot be done at this address", status_code=405)
    assertContains(client.get(HOME), "Signed in as")


def test_changing_the_password_keeps_this_session_signed_in(client, sign_in):
    sign_in(client)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "a new horse battery 44",
            "new_password2": "a new horse battery 44",
        },
        follow=True,
    )

    assertContains(response, "Password changed")
    assertContains(client.get(HOME), "Signed in as")


def test_the_command_refuses_a_password_like_the_username():
    with pytest.raises(CommandError, match="too similar to the username"):
        call_command(
            "create_demo_user",
            "--username",
            "kettlewhistle",
            "--password",
            "kettlewhistle",
        )


def test_the_command_gives_every_reason_a_password_is_refused():
    with pytest.raises(ValidationError) as expected:
        validate_password("12345678")
    assert len(expected.value.messages) > 1

    with pytest.raises(CommandError) as refused:
        call_command("create_demo_user", "--password", "12345678")

    assert str(refused.value) == " ".join(expected.value.messages)


def test_signing_in_and_out_outside_a_request_works(client, demo_user):
    # client.login() and logout() send the signals with a request without messages.
    client.force_login(demo_user)
    assertContains(client.get(HOME), "Signed in as")

    client.logout()
    assertNotContains(client.get(HOME), "Signed in as")


def test_signing_out_says_so_in_so_many_words(client, sign_in):
    sign_in(client)

    response = client.post(reverse("logout"), follow=True)

    message = "Signed out: the session and its data are gone."
    assertContains(response, f'<li class="message success">{message}</li>', html=True)
