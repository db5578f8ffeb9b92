"""Every SESSION_GUARD_* setting and its default, in one place.

Read them as `guard_settings.LOCK_TIMEOUT` and so on: the project's value if it sets
one, the default here if not. Each is read when it is used, so override_settings and
pytest-django's settings fixture change them at once.
"""

from django.conf import settings

DEFAULTS = {
    # Requests that may change a session take turns on a lock of that session's own,
    # so that no change is lost (locks.py).
    "LOCK": True,
    # Seconds a request waits for its turn; then it gets a 503 with Retry-After.
    "LOCK_TIMEOUT": 10,
    # Signed-in sessions get a record: "Your sessions" lists them, and ending one
    # deletes the session from its store (models.py).
    "RECORDS": True,
    # Seconds without a request after which a session ends; 0 for never (idle.py).
    "IDLE_TIMEOUT": 0,
    # Seconds after signing in after which a session ends, however active it is;
    # None for never. Without a limit, a session in use never asks for the password.
    "SIGNED_IN_MAX_AGE": 30 * 24 * 60 * 60,
    # Seconds after signing in during which "Your sessions" ends other sessions
    # without asking for the password again (views.py).
    "RECENT_SIGN_IN": 5 * 60,
    # Engines that kept the sessions before SESSION_ENGINE: a cookie it does not know
    # is looked up there, and the session moves over (switching.py).
    "FALLBACK_ENGINES": [],
    # Bytes a signed-cookie session's cookie may take, name and value; changes past
    # it are refused, since browsers drop bigger cookies (cookie_size.py).
    "COOKIE_MAX_BYTES": 4096,
}
PREFIX = "SESSION_GUARD_"


class GuardSettings:
    """The SESSION_GUARD_* settings, without their prefix, or their defaults."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"No setting {PREFIX}{name}.")
        return getattr(settings, PREFIX + name, DEFAULTS[name])


guard_settings = GuardSettings()
