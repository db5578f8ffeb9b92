"""What rotating SECRET_KEY does to sessions, with the old key kept and without.

Production reads the old keys from DJANGO_SECRET_KEY_FALLBACKS (see test_settings.py).
docs/deploying.md's "Rotating the secret key" says what these tests show.
"""
{% set engine = cookiecutter.session_engine %}

from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from ..testing import session_store

NEW_KEY = "new-secret-key-" + "n" * 50


def session_made_now():
    """Return the key of a session saved under the current SECRET_KEY."""
    store = session_store()
    store["username"] = "john_doe"
    store.save()
    return store.session_key


def rotated(fallbacks):
    return override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=fallbacks)


def test_sessions_survive_a_rotation_that_keeps_the_old_key(load_after_restart):
    session_key = session_made_now()

    with rotated([settings.SECRET_KEY]):
        assert load_after_restart(session_key) == {"username": "john_doe"}


def test_signed_in_visitors_stay_signed_in_while_the_old_key_is_kept(client, sign_in):
    sign_in(client)

    with rotated([settings.SECRET_KEY]):
        response = client.get(reverse("pages:home"))

    assertContains(response, "Signed in as")


def test_dropping_the_old_key_signs_everybody_out(client, sign_in):
    # The session remembers a hash of the password signed with SECRET_KEY; one that no
    # key verifies ends the session, whatever the engine.
    sign_in(client)

    with rotated([]):
        response = client.get(reverse("pages:home"))

    assertNotContains(response, "Signed in as")
{% if engine == "cache" %}


def test_sessions_in_the_cache_keep_their_data_without_the_old_key(load_after_restart):
    # The cache engine stores session data as it is, unsigned: only signing in
    # depends on the key.
    session_key = session_made_now()

    with rotated([]):
        assert load_after_restart(session_key) == {"username": "john_doe"}
{% else %}


def test_dropping_the_old_key_empties_every_session(load_after_restart):
    # The data is stored signed with SECRET_KEY; without the old key nothing verifies.
    session_key = session_made_now()

    with rotated([]):
        assert load_after_restart(session_key) == {}
{% endif %}
{% if engine == "cached_db" %}


def test_sessions_still_in_the_cache_keep_their_data_without_the_old_key():
    # The cache holds the data unsigned: until it drops a session, it serves it.
    session_key = session_made_now()

    with rotated([]):
        assert session_store(session_key).load() == {"username": "john_doe"}
{% endif %}
