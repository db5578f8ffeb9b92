"""Ending a session on another device asks for the password, unless just signed in."""

import pytest
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from .. import views
from ..conf import guard_settings
from ..idle import RECORD, now
from ..models import SignedInSession
from ..testing import session_cookie, visitor_with_cookie
from . import MEMBER_PASSWORD, is_signed_in

pytestmark = pytest.mark.skipif(
    not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off"
)
SESSIONS = reverse("session_guard:sessions")
PASSWORD_FIELD = 'name="password"'


@pytest.fixture
def later(monkeypatch):
    """Move the sessions page's clock past the time a sign-in counts as recent."""
    monkeypatch.setattr(views, "now", lambda: now() + guard_settings.RECENT_SIGN_IN)


def end(client, other, **form):
    ref = other.session[RECORD]
    return client.post(reverse("session_guard:end_session", args=[ref]), form)


@pytest.fixture
def laptop_and_phone(signed_in):
    """Return two clients signed in as the member, and a check that one has ended."""
    laptop, phone = signed_in(), signed_in()
    ref = phone.session[RECORD]
    return laptop, phone, lambda: not SignedInSession.objects.filter(ref=ref).exists()


def test_just_signed_in_ends_another_session_without_the_password(laptop_and_phone):
    laptop, phone, phone_is_ended = laptop_and_phone

    assertNotContains(laptop.get(SESSIONS), PASSWORD_FIELD)
    end(laptop, phone)

    assert phone_is_ended()


def test_later_ending_another_session_asks_for_the_password(laptop_and_phone, later):
    laptop, phone, phone_is_ended = laptop_and_phone

    response = end(laptop, phone)

    assert response.status_code == 302
    assert not phone_is_ended()
    page = laptop.get(SESSIONS)
    assertContains(page, "Enter your password to end a session")
    assertContains(page, PASSWORD_FIELD, count=2)  # its End, and everywhere else


def test_later_the_password_ends_it_and_gives_this_session_a_new_key(
    laptop_and_phone, later
):
    laptop, phone, phone_is_ended = laptop_and_phone
    copied = session_cookie(laptop).value

    end(laptop, phone, password=MEMBER_PASSWORD)

    assert phone_is_ended()
    assert is_signed_in(laptop)
    # The session before the password, as a copy of its cookie has it, is over.
    assert not is_signed_in(visitor_with_cookie(copied))


def test_a_wrong_password_ends_nothing_and_is_a_failed_sign_in(laptop_and_phone, later):
    laptop, phone, phone_is_ended = laptop_and_phone
    failures = []

    def note_failure(sender, credentials, **kwargs):
        failures.append(credentials["username"])

    user_login_failed.connect(note_failure)
    try:
        end(laptop, phone, password="a wrong horse")
    finally:
        user_login_failed.disconnect(note_failure)

    assert not phone_is_ended()
    assert failures == ["member"]


def test_later_signing_out_everywhere_else_asks_for_the_password(
    laptop_and_phone, later
):
    laptop, phone, phone_is_ended = laptop_and_phone

    laptop.post(reverse("session_guard:end_others"))
    assert not phone_is_ended()

    laptop.post(reverse("session_guard:end_others"), {"password": MEMBER_PASSWORD})
    assert phone_is_ended()


def test_ending_this_session_later_signs_out_without_the_password(signed_in, later):
    laptop = signed_in()

    end(laptop, laptop)

    assert SignedInSession.objects.count() == 0
