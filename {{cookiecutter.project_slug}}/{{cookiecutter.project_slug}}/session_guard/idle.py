"""Idle timeout: a session with no request for SESSION_GUARD_IDLE_TIMEOUT seconds ends.

The session keeps the time of its last request, to the minute: a request writes it when
the session is saved anyway, or when it is a minute old, under the session's lock
(SessionLockMiddleware takes it for such a request). The server decides, for every
engine; the warning on signed-in pages (static/js/idle-warning.js) only tells.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_ACTIVITY_KEY = "_session_guard_active_at"
# How old the time of the last request may get before a request writes it again.
RESOLUTION = 60
# Signed-in pages warn this many seconds before the session would end.
WARNING_TIME = 120


def duration(seconds):
    """Return "15 minutes", "1 minute" or "90 seconds"."""
    if seconds % 60:
        amount, unit = seconds, "second"
    else:
        amount, unit = seconds // 60, "minute"
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def idle_timeout():
    """Return the idle timeout in seconds, or 0 for none."""
    return settings.SESSION_GUARD_IDLE_TIMEOUT or 0


def has_data(session):
    return bool(session.keys())


def activity_is_stale(session):
    """Return whether a request should write the time of the session's last request."""
    if not idle_timeout() or not has_data(session):
        return False
    active_at = session.get(LAST_ACTIVITY_KEY)
    return active_at is None or time.time() - active_at >= RESOLUTION


def note_activity(session):
    session[LAST_ACTIVITY_KEY] = int(time.time())


def seconds_left(session):
    """Return the seconds until the session would end if idle from now, or None."""
    active_at = session.get(LAST_ACTIVITY_KEY)
    if not idle_timeout() or active_at is None:
        return None
    return max(0, active_at + idle_timeout() - int(time.time()))


class IdleTimeoutMiddleware:
    """End a session idle for longer than SESSION_GUARD_IDLE_TIMEOUT; note activity.

    Sits after AuthenticationMiddleware and MessageMiddleware, and after
    SessionLockMiddleware, whose lock is then held in process_view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        active_at = request.session.get(LAST_ACTIVITY_KEY) if idle_timeout() else None
        if active_at is not None and time.time() - active_at > idle_timeout():
            self.end(request)
        response = self.get_response(request)
        # request.session, not one kept from above: SessionLockMiddleware may have read
        # the session again since.
        session = request.session
        if idle_timeout() and session.modified and has_data(session):
            note_activity(session)  # saved with the rest, at no extra cost
        return response

    def process_view(self, request, view, view_args, view_kwargs):
        if activity_is_stale(request.session):
            note_activity(request.session)

    @staticmethod
    def end(request):
        if request.user.is_authenticated:
            logout(request)  # which ends the session's record too
        else:
            request.session.flush()
        messages.info(
            request,
            f"Your session ended after {duration(idle_timeout())} without activity.",
            fail_silently=True,
        )


def idle_warning(request):
    """Add what the idle warning of signed-in pages needs to a template's context."""
    # An error page for a request the middleware never reached has no user.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    left = seconds_left(request.session)
    if left is None:
        return {}
    # Two minutes before, or halfway through a shorter timeout.
    return {
        "idle_seconds_left": left,
        "idle_warning_time": min(WARNING_TIME, idle_timeout() // 2),
    }
