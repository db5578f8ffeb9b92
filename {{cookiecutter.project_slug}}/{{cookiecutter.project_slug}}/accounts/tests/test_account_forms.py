"""The sign-in and password pages: never cached, long names refused, guesses counted."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertFormError

from ...testing import DEMO_PASSWORD

NEW_PASSWORD = "a fresh horse battery 77"


def change_password(client, old_password):
    return client.post(
        reverse("password_change"),
        {
            "old_password": old_password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )


@pytest.fixture
def member(client, sign_in):
    """Return a client signed in as the demo user."""
    sign_in(client)
    return client


@pytest.mark.parametrize(
    "name",
    [
        "login",
        "password_change",
        "password_change_done",
        "password_reset",
        "password_reset_done",
        "password_reset_complete",
    ],
)
def test_no_cache_keeps_a_sign_in_or_password_page(member, name):
    response = member.get(reverse(name))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", ["login", "admin:login"])
def test_an_over_long_username_gets_a_form_error(client, page):
    response = client.post(reverse(page), {"username": "u" * 256, "password": "x"})

    assert response.status_code == 200
    assertFormError(
        response.context["form"],
        "username",
        "Ensure this value has at most 150 characters (it has 256).",
    )
    assert not AccessAttempt.objects.exists()


def test_the_right_current_password_changes_it(member, demo_user):
    response = change_password(member, DEMO_PASSWORD)

    assert response.status_code == 302
    demo_user.refresh_from_db()
    assert demo_user.check_password(NEW_PASSWORD)


def test_wrong_current_passwords_lock_the_username_even_for_the_right_one(
    member, demo_user
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assertContains(change_password(member, "wrong horse"), "incorrectly")

    assertContains(
        change_password(member, "wrong horse"), "Too many failed", status_code=429
    )
    response = change_password(member, DEMO_PASSWORD)

    assertContains(response, "Too many failed sign-ins", status_code=429)
    assertContains(response, 'name="old_password"', status_code=429)  # the form
    demo_user.refresh_from_db()
    assert demo_user.check_password(DEMO_PASSWORD)


def test_wrong_current_passwords_and_failed_sign_ins_share_one_count(member):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        change_password(member, "wrong horse")

    response = Client().post(
        reverse("login"), {"username": "demo", "password": "wrong horse"}
    )

    assertContains(response, "Too many failed sign-ins", status_code=429)


def ask_for_reset(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def test_password_resets_to_one_address_are_throttled(client, settings, demo_user):
    demo_user.email = "demo@example.com"
    demo_user.save()
    for _ in range(settings.ACCOUNTS_PASSWORD_RESETS_PER_HOUR):
        assert ask_for_reset(client, "demo@example.com").status_code == 302

    response = ask_for_reset(client, "DEMO@example.com")

    assertContains(response, "Too many password resets", status_code=429)
    assert len(mail.outbox) == settings.ACCOUNTS_PASSWORD_RESETS_PER_HOUR
    assert ask_for_reset(client, "other@example.com").status_code == 302


def test_an_address_without_an_account_is_throttled_alike(client, settings):
    for _ in range(settings.ACCOUNTS_PASSWORD_RESETS_PER_HOUR):
        ask_for_reset(client, "nobody@example.com")

    response = ask_for_reset(client, "nobody@example.com")

    assertContains(response, "Too many password resets", status_code=429)
