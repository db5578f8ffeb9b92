"""Session engines: their SessionStore classes, and what each can do."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)

BUILT_IN = "django.contrib.sessions.backends."


def engine_path(name):
    """Return the dotted path of an engine: "db" gives Django's db engine's."""
    return name if "." in name else BUILT_IN + name


def session_store_class(engine=None):
    """Return the SessionStore class of an engine (a short name or a dotted path).

    Without one, of SESSION_ENGINE.
    """
    return import_module(engine_path(engine or settings.SESSION_ENGINE)).SessionStore


def keeps_sessions_on_the_server(store_class=None):
    """Return False for signed cookies, which live in the browser; True otherwise."""
    return not issubclass(store_class or session_store_class(), SignedCookieStore)
