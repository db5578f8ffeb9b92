"""Keep signed-cookie sessions under the size browsers accept.

With the signed_cookies engine the whole session travels in the cookie, and browsers
silently drop a cookie whose name and value pass 4096 bytes: the visitor would lose the
session without a word. Changes that would get there are refused instead.
"""

from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)

from .conf import guard_settings

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


def set_within_cookie_limit(session, key, value):
    """Set session[key] to value, unless that makes the cookie too big to keep."""
    previous = session.get(key, MISSING)
    session[key] = value
    size = signed_cookie_size(session)
    limit = guard_settings.COOKIE_MAX_BYTES
    if size is not None and size > limit:
        if previous is MISSING:
            del session[key]
        else:
            session[key] = previous
        raise SessionTooLarge(
            f"That would make the session cookie {size} bytes, and browsers drop "
            f"cookies over {limit}. Remove something first."
        )
