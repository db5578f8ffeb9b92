"""Every button of the session playground at /session/."""

{% if cookiecutter.session_engine != "signed_cookies" %}
from importlib import import_module

{% endif %}
import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from ..forms import ACTIONS


def act(client, action, **data):
    return client.post(reverse(f"session_{action}"), data)


def session_cookie(client):
    return client.cookies[settings.SESSION_COOKIE_NAME]


@pytest.fixture
def client_with_data(client):
    client.get(reverse("set_session"))
    return client


def test_playground_shows_the_session(client_with_data):
    response = client_with_data.get(reverse("playground"))

    session = client_with_data.session
    assertContains(response, session.session_key)
    assertContains(response, settings.SESSION_ENGINE)
    assertContains(response, f"{session.get_expiry_age()} seconds")
    assertContains(response, "<code>&quot;john_doe&quot;</code>", html=True)
    assertContains(response, "<code>true</code>", html=True)
    assert response.context["expire_at_browser_close"] is (
        settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    )


def test_playground_says_when_there_is_no_session_yet(client):
    response = client.get(reverse("playground"))

    assertContains(response, "none yet")
    assertContains(response, "The session holds no data.")


def test_set_stores_a_value(client):
    response = act(client, "set", key="colour", value="blue")

    assertRedirects(response, reverse("playground"), fetch_redirect_response=False)
    assert client.session["colour"] == "blue"
    assertContains(client.get(reverse("playground")), "Stored &#x27;colour&#x27;.")


@pytest.mark.parametrize(
    "data",
    [
        {"key": "_session_expiry", "value": "soon"},
        {"key": "", "value": "blue"},
        {"key": "colour", "value": ""},
        {"key": "k" * 65, "value": "blue"},
        {"key": "colour", "value": "v" * 201},
    ],
    ids=["reserved-key", "no-key", "no-value", "key-too-long", "value-too-long"],
)
def test_set_refuses_bad_input(client, data):
    response = act(client, "set", **data)

    assert response.status_code == 400
    assertContains(response, 'class="errorlist', status_code=400)
    assert "colour" not in client.session


def test_pop_removes_a_value(client_with_data):
    act(client_with_data, "pop", key="greeting")

    assert "greeting" not in client_with_data.session
    assert client_with_data.session["username"] == "john_doe"


def test_pop_of_a_missing_key_changes_nothing(client_with_data):
    response = act(client_with_data, "pop", key="missing")

    assertRedirects(response, reverse("playground"))
    assert client_with_data.session["username"] == "john_doe"


def test_clear_empties_the_data(client_with_data):
    act(client_with_data, "clear")

    assert dict(client_with_data.session) == {}


def test_flush_empties_the_data_and_deletes_the_cookie(client_with_data):
    act(client_with_data, "flush")

    assert dict(client_with_data.session) == {}
    # The next write starts a session under a new key.
    assert session_cookie(client_with_data).value == ""


def test_cycle_key_keeps_the_data(client_with_data):
    act(client_with_data, "cycle_key")

    assert client_with_data.session["username"] == "john_doe"


def test_set_expiry_changes_the_cookie_lifetime(client_with_data):
    act(client_with_data, "set_expiry", seconds="60")

    assert client_with_data.session.get_expiry_age() == 60
    assert session_cookie(client_with_data)["max-age"] == 60


def test_set_expiry_zero_ends_the_session_with_the_browser(client_with_data):
    act(client_with_data, "set_expiry", seconds="0")

    assert client_with_data.session.get_expire_at_browser_close()
    assert session_cookie(client_with_data)["max-age"] == ""


def test_set_expiry_empty_goes_back_to_the_default(client_with_data):
    act(client_with_data, "set_expiry", seconds="60")
    act(client_with_data, "set_expiry", seconds="")

    session = client_with_data.session
    assert session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert session.get_expire_at_browser_close() is (
        settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    )


@pytest.mark.parametrize("seconds", ["-1", "34560001", "soon", "1.5"])
def test_set_expiry_refuses_bad_input(client_with_data, seconds):
    response = act(client_with_data, "set_expiry", seconds=seconds)

    assert response.status_code == 400
    assert "_session_expiry" not in client_with_data.session


@pytest.mark.parametrize("action", ACTIONS)
def test_every_button_needs_the_csrf_token(csrf_client, csrf_token, action):
    url = reverse(f"session_{action}")
    valid = {"key": "colour", "value": "blue", "seconds": "60"}

    assert csrf_client.post(url, valid).status_code == 403
    accepted = csrf_client.post(url, {**valid, "csrfmiddlewaretoken": csrf_token})
    assert accepted.status_code == 302


@pytest.mark.parametrize("action", ACTIONS)
def test_every_button_refuses_get(client, action):
    assert client.get(reverse(f"session_{action}")).status_code == 405
{% if cookiecutter.session_engine != "signed_cookies" %}


# What each button does to the session key. (With signed cookies the key is the signed
# data itself, and the server keeps nothing to retire.)


def stored(session_key):
    """Whether the session store on the server holds this key."""
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key)


def test_clear_keeps_the_key(client_with_data):
    key = session_cookie(client_with_data).value

    act(client_with_data, "clear")

    assert session_cookie(client_with_data).value == key
    assert stored(key)


def test_flush_retires_the_key(client_with_data):
    key = session_cookie(client_with_data).value

    act(client_with_data, "flush")

    assert not stored(key)


def test_cycle_key_moves_the_data_to_a_new_key(client_with_data):
    key = session_cookie(client_with_data).value

    act(client_with_data, "cycle_key")

    # The old key stops working: the defence against session fixation.
    new_key = session_cookie(client_with_data).value
    assert new_key != key
    assert stored(new_key)
    assert not stored(key)
{% endif %}
