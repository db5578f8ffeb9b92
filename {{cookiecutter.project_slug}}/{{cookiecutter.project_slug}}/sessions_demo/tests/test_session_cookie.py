"""The Set-Cookie header carries exactly the attributes chosen for this project."""

from django.urls import reverse

from . import answers


def session_cookie_set_by(response):
    return response.cookies[answers.SESSION_COOKIE_NAME]


def test_session_cookie_has_the_chosen_attributes(client):
    cookie = session_cookie_set_by(client.get(reverse("set_session")))

    assert cookie["path"] == "/"
    assert cookie["domain"] == ""
{% if cookiecutter.session_expire_at_browser_close %}
    # A browser-session cookie: no lifetime, so the browser drops it on closing.
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
{% else %}
    assert cookie["max-age"] == answers.SESSION_COOKIE_AGE
    assert cookie["expires"]
{% endif %}
    assert bool(cookie["httponly"]) is answers.SESSION_COOKIE_HTTPONLY
    assert bool(cookie["secure"]) is answers.SESSION_COOKIE_SECURE
    assert cookie["samesite"] == answers.SESSION_COOKIE_SAMESITE


def test_unchanged_session_is_saved_again_only_if_chosen(client):
    client.get(reverse("set_session"))

    response = client.get(reverse("get_session"))

    resent = answers.SESSION_COOKIE_NAME in response.cookies
    assert resent is answers.SESSION_SAVE_EVERY_REQUEST


def test_pages_that_store_nothing_set_no_session_cookie(client):
    response = client.get(reverse("get_session"))

    assert answers.SESSION_COOKIE_NAME not in response.cookies
