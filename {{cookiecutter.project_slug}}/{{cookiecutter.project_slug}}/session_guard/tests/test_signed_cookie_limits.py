"""What signed-cookie sessions cannot do, shown as it is.

The session lives in the browser's cookie: the server cannot make two requests take
turns, and it cannot retire a copied cookie of a visitor who never signed in. What it
can do is refuse changes that would make the cookie too big for browsers to keep.
"""

import secrets

import pytest
from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains

from .. import cookie_size
from ..cookie_size import SessionTooLarge, set_within_cookie_limit, size_to_keep
from ..testing import session_cookie, stored_data, visitor_with_cookie
from . import MEMBER_PASSWORD


def cookie_bytes(client):
    return len(settings.SESSION_COOKIE_NAME) + len(session_cookie(client).value)


def add(client, item):
    return client.post(reverse("tests:add"), {"item": item})


def test_of_two_changes_at_once_the_last_answer_wins(client):
    add(client, "tea")
    # A second tab that sent the same cookie before the first got its answer.
    other_tab = visitor_with_cookie(session_cookie(client).value)

    add(client, "cake")
    add(other_tab, "pie")

    # The browser keeps whichever cookie arrives last: the cake is gone.
    assert stored_data(session_cookie(other_tab).value)["items"] == ["tea", "pie"]


def test_a_copied_cookie_of_a_visitor_who_never_signed_in_stays_valid(visitor):
    # Signed-in sessions have a record on the server that ending them deletes; a
    # visitor who never signed in has nothing on the server to end.
    copied = session_cookie(visitor).value

    visitor.post(reverse("logout"))

    response = visitor_with_cookie(copied).get(reverse("tests:data"))
    assert response.json() == {"note": "tea"}


@override_settings(SESSION_GUARD_COOKIE_MAX_BYTES=1024)
def test_a_change_that_would_overflow_the_cookie_is_refused(client):
    # Random notes, which compression cannot shrink much.
    responses = [
        client.post(reverse("tests:note"), {"note": secrets.token_urlsafe(size)})
        for size in range(100, 2000, 100)
    ]

    refused = [response for response in responses if response.status_code == 400]
    assert refused, "the cookie never grew past 1024 bytes"
    assertContains(refused[0], "browsers drop cookies over 1024", status_code=400)
    assert cookie_bytes(client) <= 1024


@override_settings(SESSION_GUARD_COOKIE_MAX_BYTES=1024)
def test_a_session_filled_to_the_limit_can_still_sign_in(client, member):
    for size in range(100, 2000, 100):
        client.post(reverse("tests:note"), {"note": secrets.token_urlsafe(size)})
    filled = cookie_bytes(client)

    response = client.post(
        reverse("login"),
        {"username": member.get_username(), "password": MEMBER_PASSWORD},
    )

    assert response.status_code == 302
    assert filled < cookie_bytes(client) <= 1024
    assert stored_data(session_cookie(client).value)["note"]


def size_with_note(value):
    session = SessionStore()
    session["note"] = value
    return size_to_keep(session)


def test_a_cookie_of_exactly_the_limit_is_kept():
    value = secrets.token_urlsafe(300)
    session = SessionStore()

    with override_settings(SESSION_GUARD_COOKIE_MAX_BYTES=size_with_note(value)):
        set_within_cookie_limit(session, "note", value)

    assert session["note"] == value


@pytest.mark.parametrize("before", [None, "old"], ids=["new-key", "changed-key"])
def test_a_cookie_one_byte_over_the_limit_is_refused_and_nothing_changes(before):
    value = secrets.token_urlsafe(300)
    session = SessionStore()
    if before:
        session["note"] = before

    one_byte_short = size_with_note(value) - 1
    with (
        override_settings(SESSION_GUARD_COOKIE_MAX_BYTES=one_byte_short),
        pytest.raises(SessionTooLarge, match="browsers drop cookies over"),
    ):
        set_within_cookie_limit(session, "note", value)

    assert session.get("note") == before


@pytest.mark.parametrize("size, kept", [(4096, True), (4097, False)])
def test_without_the_setting_the_limit_is_4096_bytes(settings, monkeypatch, size, kept):
    del settings.SESSION_GUARD_COOKIE_MAX_BYTES
    monkeypatch.setattr(cookie_size, "size_to_keep", lambda session: size)
    session = SessionStore()

    if kept:
        set_within_cookie_limit(session, "note", "x")
        assert session["note"] == "x"
    else:
        with pytest.raises(SessionTooLarge, match="cookies over 4096"):
            set_within_cookie_limit(session, "note", "x")
        assert "note" not in session
