"""Rotating SECRET_KEY keeps sessions while the old key is in SECRET_KEY_FALLBACKS.

Production reads the fallbacks from DJANGO_SECRET_KEY_FALLBACKS (see test_settings.py).
"""

from importlib import import_module

from django.conf import settings
from django.test import override_settings

OLD_KEY = "old-secret-key-" + "o" * 50
NEW_KEY = "new-secret-key-" + "n" * 50


def session_made_under(secret_key):
    with override_settings(SECRET_KEY=secret_key):
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        store["username"] = "john_doe"
        store.save()
        return store.session_key


def test_sessions_survive_a_rotation_that_keeps_the_old_key(load_after_restart):
    session_key = session_made_under(OLD_KEY)

    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[OLD_KEY]):
        assert load_after_restart(session_key) == {"username": "john_doe"}
{% if cookiecutter.session_engine != "cache" %}


def test_sessions_end_when_the_old_key_is_dropped(load_after_restart):
    # Sessions are signed with SECRET_KEY; without the old key nobody's verifies.
    session_key = session_made_under(OLD_KEY)

    with override_settings(SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=[]):
        assert load_after_restart(session_key) == {}
{% endif %}
