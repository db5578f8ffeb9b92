"""Sessions outlive the server process that made them."""

from importlib import import_module

from django.conf import settings
{% if cookiecutter.session_engine == "cached_db" %}
from django.core.cache import caches
{% endif %}
from django.urls import reverse


def load_as_after_a_restart(session_key):
    """The session as a freshly started server process would load it."""
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
{% if cookiecutter.session_engine == "cached_db" %}
    # Drop the cached copy, so that the data must come from the database.
    caches[settings.SESSION_CACHE_ALIAS].delete(store.cache_key)
{% endif %}
    return store.load()


def test_seed_values_survive_a_restart(client):
    client.get(reverse("set_session"))
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    data = load_as_after_a_restart(session_key)

    assert data["username"] == "john_doe"
    assert data["is_logged_in"] is True


def test_cart_survives_a_restart(client):
    client.post(reverse("add_to_cart", args=["awesome-item"]), {"quantity": "2"})
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    data = load_as_after_a_restart(session_key)

    assert data["cart"] == {"awesome-item": 2}
