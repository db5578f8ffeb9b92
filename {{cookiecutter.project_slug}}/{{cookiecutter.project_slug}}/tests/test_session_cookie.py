"""The Set-Cookie header carries exactly the session settings in force."""

from django.conf import settings
from django.urls import reverse

from ..testing import session_cookie


def test_the_session_cookie_carries_the_settings(client, sign_in):
    cookie = session_cookie(sign_in(client))

    assert cookie["path"] == settings.SESSION_COOKIE_PATH == "/"
    assert cookie["domain"] == ""
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        # A browser-session cookie: no lifetime, so the browser drops it on closing.
        assert cookie["max-age"] == ""
        assert cookie["expires"] == ""
    else:
        assert cookie["max-age"] == settings.SESSION_COOKIE_AGE
        assert cookie["expires"]
    assert bool(cookie["httponly"]) is settings.SESSION_COOKIE_HTTPONLY
    assert bool(cookie["secure"]) is settings.SESSION_COOKIE_SECURE
    assert cookie["samesite"] == settings.SESSION_COOKIE_SAMESITE


def test_an_unchanged_session_is_saved_again_only_if_every_request_saves(visitor):
    # The first request notes the time of the visitor's activity (under an idle
    # timeout), as a browser's earlier requests would have.
    visitor.get(reverse("pages:home"))

    response = visitor.get(reverse("pages:home"))

    resent = settings.SESSION_COOKIE_NAME in response.cookies
    assert resent is settings.SESSION_SAVE_EVERY_REQUEST


def test_pages_that_store_nothing_set_no_session_cookie(client):
    response = client.get(reverse("pages:home"))

    assert settings.SESSION_COOKIE_NAME not in response.cookies
