"""Every form of the session playground at /session/."""

import re
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from ...testing import session_cookie, session_store, visitor_with_cookie
from ..forms import ACTIONS, MAX_KEYS
from ..views import key_fingerprint

PLAYGROUND = reverse("sessions_demo:playground")


def act(client, action, **data):
    """POST one playground form."""
    return client.post(reverse(f"sessions_demo:session_{action}"), data)


def test_the_playground_shows_the_session(client_with_data):
    response = client_with_data.get(PLAYGROUND)

    session = client_with_data.session
    assertNotContains(response, session.session_key)  # DEBUG is off
    assertContains(response, key_fingerprint(session.session_key))
    assertContains(response, settings.SESSION_ENGINE)
    assertContains(response, f"{session.get_expiry_age()} seconds")
    assertContains(response, "<code>&quot;john_doe&quot;</code>", html=True)
    assertContains(response, "<code>true</code>", html=True)
    assert response.context["expire_at_browser_close"] is (
        settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    )


def test_the_playground_says_when_there_is_no_session_yet(client):
    response = client.get(PLAYGROUND)

    assertContains(response, "none yet")
    assertContains(response, "The session holds no data.")


def test_set_stores_a_value_and_says_so(client):
    response = act(client, "set", key="colour", value="blue")

    assertRedirects(response, PLAYGROUND, fetch_redirect_response=False)
    assert client.session["colour"] == "blue"
    assertContains(client.get(PLAYGROUND), "Stored &#x27;colour&#x27;.")


def test_values_in_any_script_are_shown_as_typed(client):
    act(client, "set", key="grüße", value="Zoë drinks 茶 🍵")

    response = client.get(PLAYGROUND)

    assertContains(response, "<code>grüße</code>", html=True)
    assertContains(response, "<code>&quot;Zoë drinks 茶 🍵&quot;</code>", html=True)


@pytest.mark.parametrize(
    "data, error",
    [
        ({"key": "_session_expiry", "value": "soon"}, "Keys starting with _ belong"),
        ({"key": "", "value": "blue"}, "This field is required."),
        ({"key": "colour", "value": ""}, "This field is required."),
        ({"key": "k" * 65, "value": "blue"}, "at most 64 characters"),
        ({"key": "colour", "value": "v" * 201}, "at most 200 characters"),
    ],
    ids=["reserved-key", "no-key", "no-value", "key-too-long", "value-too-long"],
)
def test_set_refuses_bad_input_in_its_own_form(client, data, error):
    response = act(client, "set", **data)

    assertContains(response, error, status_code=400)
    forms_with_errors = [
        action["form"].action
        for action in response.context["actions"]
        if action["form"].errors
    ]
    assert forms_with_errors == ["set"]
    assert "colour" not in client.session


def test_pop_removes_a_value(client_with_data):
    act(client_with_data, "pop", key="greeting")

    assert "greeting" not in client_with_data.session
    assert client_with_data.session["username"] == "john_doe"
    assertContains(client_with_data.get(PLAYGROUND), "Removed &#x27;greeting&#x27;.")


def test_pop_of_a_missing_key_changes_nothing(client_with_data):
    response = act(client_with_data, "pop", key="missing")

    assertRedirects(response, PLAYGROUND, fetch_redirect_response=False)
    assert client_with_data.session["username"] == "john_doe"
    assertContains(
        client_with_data.get(PLAYGROUND), "&#x27;missing&#x27; was not in the session."
    )


@pytest.mark.parametrize(
    "action, data, message",
    [
        ("clear", {}, "Cleared the data; the session key stays."),
        ("flush", {}, "Flushed: the data is deleted and a new, empty session begins."),
        ("cycle_key", {}, "The session has a new key and kept its data."),
        (
            "set_expiry",
            {"seconds": "60"},
            "The session now expires 60 s after the last change.",
        ),
        (
            "set_expiry",
            {"seconds": "0"},
            "The session now ends when the browser closes.",
        ),
        (
            "set_expiry",
            {"seconds": ""},
            f"Expiry back to the default ({settings.SESSION_COOKIE_AGE} s).",
        ),
    ],
    ids=["clear", "flush", "cycle-key", "expiry-60", "expiry-0", "expiry-default"],
)
def test_each_form_says_exactly_what_it_did(client_with_data, action, data, message):
    response = act(client_with_data, action, **data)

    assertRedirects(response, PLAYGROUND, fetch_redirect_response=False)
    assertContains(
        client_with_data.get(PLAYGROUND),
        f'<li class="message success">{message}</li>',
        html=True,
    )


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
    response = client_with_data.get(PLAYGROUND)
    assertContains(response, '<span class="expiry-age">60 seconds</span>', html=True)
    assertContains(response, "<time")


def test_set_expiry_zero_ends_the_session_with_the_browser(client_with_data):
    act(client_with_data, "set_expiry", seconds="0")

    assert client_with_data.session.get_expire_at_browser_close()
    assert session_cookie(client_with_data)["max-age"] == ""
    response = client_with_data.get(PLAYGROUND)
    assertContains(response, "when the browser closes; the server keeps it")
    assertNotContains(response, "<time")
    # Django's own entry is named apart from the data, not listed with it.
    assert "_session_expiry" not in dict(response.context["data"])
    assertContains(response, "<code>_session_expiry</code>", html=True)


def test_set_expiry_empty_goes_back_to_the_default(client_with_data):
    act(client_with_data, "set_expiry", seconds="60")
    act(client_with_data, "set_expiry", seconds="")

    session = client_with_data.session
    assert session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert session.get_expire_at_browser_close() is (
        settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    )


def test_the_playground_shows_the_key_itself_only_with_debug_on(
    client_with_data, settings
):
    settings.DEBUG = True

    response = client_with_data.get(PLAYGROUND)

    assertContains(response, client_with_data.session.session_key)


def test_set_expiry_goes_no_further_than_the_cookie_age(client_with_data, settings):
    longest = settings.SESSION_COOKIE_AGE

    assert act(client_with_data, "set_expiry", seconds=longest + 1).status_code == 400
    act(client_with_data, "set_expiry", seconds=longest)

    assert client_with_data.session.get_expiry_age() == longest


@pytest.mark.parametrize("seconds", ["-1", "34560001", "soon", "1.5"])
def test_set_expiry_refuses_bad_input(client_with_data, seconds):
    response = act(client_with_data, "set_expiry", seconds=seconds)

    assert response.status_code == 400
    assert "_session_expiry" not in client_with_data.session


@pytest.mark.parametrize("action", ACTIONS)
def test_every_form_needs_the_csrf_token(csrf_client, csrf_token, action):
    url = reverse(f"sessions_demo:session_{action}")
    valid = {"key": "colour", "value": "blue", "seconds": "60"}

    assert csrf_client.post(url, valid).status_code == 403
    accepted = csrf_client.post(url, {**valid, "csrfmiddlewaretoken": csrf_token})
    assert accepted.status_code == 302


@pytest.mark.parametrize("action", ACTIONS)
def test_every_form_url_refuses_get(client, action):
    assert client.get(reverse(f"sessions_demo:session_{action}")).status_code == 405


def test_a_reserved_key_is_refused_with_the_reason(client):
    response = act(client, "set", key="_session_expiry", value="soon")

    assertContains(
        response,
        "<li>Keys starting with _ belong to Django; pick another.</li>",
        html=True,
        status_code=400,
    )


def test_a_session_takes_new_keys_up_to_the_limit_and_no_more(client):
    session = session_store()
    for number in range(MAX_KEYS - 1):
        session[f"key{number}"] = "x"
    session.save()
    visitor = visitor_with_cookie(session.session_key)

    assert act(visitor, "set", key="last", value="x").status_code == 302
    refused = act(visitor, "set", key="one-more", value="x")

    assertContains(
        refused, f"A session here holds at most {MAX_KEYS} keys.", status_code=400
    )
    assert "one-more" not in visitor.session
    # A key it holds can still change.
    assert act(visitor, "set", key="last", value="y").status_code == 302
    assert visitor.session["last"] == "y"


def test_each_form_has_labelled_fields_with_ids_of_its_own(client):
    response = client.get(PLAYGROUND)

    for action in ["set", "pop"]:
        assertContains(
            response, f'<label for="id_{action}_key">Key:</label>', html=True
        )
    assertContains(
        response, '<label for="id_set_expiry_seconds">Seconds:</label>', html=True
    )


def test_each_form_posts_to_its_own_url(client):
    response = client.get(PLAYGROUND)

    for action in ACTIONS:
        url = reverse(f"sessions_demo:session_{action}")
        assertContains(response, f'action="{url}"', count=1)


def test_the_expiry_date_is_shown_machine_readable(client_with_data, settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = False

    response = client_with_data.get(PLAYGROUND)

    shown = re.search(r'<time datetime="([^"]+)">', response.content.decode())
    assert shown, "no <time> with the expiry date"
    expected = client_with_data.session.get_expiry_date()
    assert abs(datetime.fromisoformat(shown[1]) - expected) < timedelta(seconds=5)


@pytest.mark.parametrize(
    "browser_close, says", [(False, "not ending"), (True, "ending")]
)
def test_good_to_know_quotes_this_sites_settings(client, settings, browser_close, says):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = browser_close

    response = client.get(PLAYGROUND)

    assertContains(
        response,
        f"Here it is {settings.SESSION_COOKIE_AGE} seconds, {says} with the browser.",
    )


def test_good_to_know_says_whether_changes_can_take_turns(client):
    signed = issubclass(type(session_store()), SignedCookieStore)

    response = client.get(PLAYGROUND)

    assertContains(response, "Signed cookies cannot take turns.", count=int(signed))
    assertContains(
        response, "Requests that change one session take turns.", count=int(not signed)
    )
{% if cookiecutter.session_engine != "signed_cookies" %}


# What each form does to the session key. (With signed cookies the key is the signed
# data itself, and the server keeps nothing to retire.)


def stored(session_key):
    """Return whether the session store on the server holds this key."""
    return session_store().exists(session_key)


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
