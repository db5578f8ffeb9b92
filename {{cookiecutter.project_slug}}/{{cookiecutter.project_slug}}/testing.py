"""What the test suites share: a visitor's session cookie, store and cart."""

from importlib import import_module

from django.conf import settings
from django.test import Client

DEMO_PASSWORD = "correct horse battery 42"
# The URL names of the site's own pages that a visitor opens with a GET.
OWN_PAGES = [
    "pages:home",
    "sessions_demo:set_session",
    "sessions_demo:get_session",
    "sessions_demo:playground",
    "cart:detail",
]


def session_store(session_key=None):
    """Return a SessionStore of the engine in force, for session_key or a new one."""
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def session_cookie(holder):
    """Return the session cookie (a Morsel) of a test client or a response."""
    return holder.cookies[settings.SESSION_COOKIE_NAME]


def visitor_with_cookie(value):
    """Return a test client that sends this session cookie, as a browser would."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    return client


def cart_of(client):
    """Return the cart {item: quantity} in a test client's session."""
    return client.session.get("cart", {})


def stored_cart(session_key):
    """Return the cart of a session as the store holds it, read afresh."""
    return session_store(session_key).load().get("cart", {})
