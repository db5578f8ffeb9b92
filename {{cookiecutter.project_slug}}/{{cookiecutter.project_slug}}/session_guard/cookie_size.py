"""Keep signed-cookie sessions under the size browsers accept.

With the signed_cookies engine the whole session travels in the cookie, and browsers
silently drop a cookie whose name and value pass 4096 bytes: the visitor would lose the
session without a word. Changes that would get there are refused instead, and a
session not signed in yet keeps room for what signing in adds to it.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)
from django.utils.translation import gettext as _

from .conf import guard_settings
from .idle import ACTIVE_AT, RECORD, SIGNED_IN_AT

MISSING = object()


class SessionTooLarge(ValueError):
    """The change would make the session cookie too big; the message is for the user."""


def signed_cookie_size(session):
    """Return the bytes of the cookie's name and value; None for server sessions."""
    if not isinstance(session, SignedCookieStore):
        return None
    # The signed, compressed value Django will send, computed as Django computes it.
    value = session._get_session_key()
    return len(settings.SESSION_COOKIE_NAME) + len(value)


# Bytes kept free beyond the estimate of a sign-in: the real hash and ref compress,
# with the rest of the session, a few bytes better or worse than the estimate's.
SIGN_IN_MARGIN = 32


def entries_of_a_sign_in():
    """Return what signing in adds to a session, each as long as it gets.

    Django's user id, backend and password hash, and session_guard's record and
    times. The hash and the record's id are as random as real ones, which compression
    cannot shrink, but fixed, so that the same session always gets the same size.
    """
    digest = hashlib.sha256(b"a sign-in").digest()
    return {
        SESSION_KEY: "9" * 19,  # the largest BigAutoField, as text
        BACKEND_SESSION_KEY: max(settings.AUTHENTICATION_BACKENDS, key=len),
        HASH_SESSION_KEY: digest.hex(),
        RECORD: str(uuid.UUID(bytes=digest[:16])),
        SIGNED_IN_AT: 2**31,
        ACTIVE_AT: 2**31,
    }


def size_to_keep(session):
    """Return the bytes of the cookie, or of the cookie after signing in if not yet.

    None for server sessions, whose cookie holds only the key.
    """
    if not isinstance(session, SignedCookieStore) or SESSION_KEY in session:
        return signed_cookie_size(session)
    signed_in = type(session)()
    signed_in._session_cache = {**session._session, **entries_of_a_sign_in()}
    return signed_cookie_size(signed_in) + SIGN_IN_MARGIN


def set_within_cookie_limit(session, key, value):
    """Set session[key] to value, unless that makes the cookie too big to keep.

    A session not signed in yet must keep room for signing in (size_to_keep).
    """
    previous = session.get(key, MISSING)
    session[key] = value
    size = size_to_keep(session)
    limit = guard_settings.COOKIE_MAX_BYTES
    if size is not None and size > limit:
        if previous is MISSING:
            del session[key]
        else:
            session[key] = previous
        if SESSION_KEY in session:
            message = _(
                "That would make the session cookie %(size)d bytes, and browsers "
                "drop cookies over %(limit)d. Remove something first."
            )
        else:
            message = _(
                "That would make the session cookie %(size)d bytes once you sign in, "
                "and browsers drop cookies over %(limit)d. Remove something first."
            )
        raise SessionTooLarge(message % {"size": size, "limit": limit})
