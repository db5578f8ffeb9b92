"""When a session was last used, and when it ends for it.

A session keeps the time of its last request, to the minute: the time is written when
it is a minute old, with the rest of the session (middleware.py says when). So a
session's last request came within RESOLUTION seconds after the time it keeps, and an
idle timeout counts from the end of that minute: a session ends between
SESSION_GUARD_IDLE_TIMEOUT and a minute more after its last request, never before.
"""

import time

from django.utils.translation import ngettext

from .conf import guard_settings

# Session entries: when the session's last request was noted, and when it signed in.
ACTIVE_AT = "_session_guard_active_at"
SIGNED_IN_AT = "_session_guard_signed_in_at"
# The session entry that names the session's record (models.py).
RECORD = "_session_guard_record"
# How old the noted time may get before a request notes it again, in seconds.
RESOLUTION = 60
# Signed-in pages warn this many seconds before the session would end.
WARNING_TIME = 120


def now():
    return int(time.time())


def needs_activity(data):
    """Return True if the session keeps the time of its last request."""
    return bool(data) and bool(guard_settings.IDLE_TIMEOUT or RECORD in data)


def activity_is_stale(data):
    """Return True if the session should note the time of this request."""
    if not needs_activity(data):
        return False
    noted = data.get(ACTIVE_AT)
    return noted is None or now() - noted >= RESOLUTION


def idle_ends_at(data):
    """Return when the session ends if no request comes first, or None."""
    timeout = guard_settings.IDLE_TIMEOUT
    noted = data.get(ACTIVE_AT)
    if not timeout or noted is None:
        return None
    return noted + RESOLUTION + timeout


def signed_in_ends_at(data):
    """Return when a signed-in session reaches its maximum age, or None."""
    max_age = guard_settings.SIGNED_IN_MAX_AGE
    signed_in_at = data.get(SIGNED_IN_AT)
    if not max_age or signed_in_at is None:
        return None
    return signed_in_at + max_age


def seconds_left(data):
    """Return the seconds until an idle session would end, or None."""
    ends_at = idle_ends_at(data)
    return None if ends_at is None else max(0, ends_at - now())


def duration(seconds):
    """Return "15 minutes", "1 minute" or "90 seconds"."""
    if seconds % 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {
            "count": seconds
        }
    minutes = seconds // 60
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }
