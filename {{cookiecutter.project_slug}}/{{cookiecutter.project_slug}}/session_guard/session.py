"""The session SessionGuardMiddleware gives each request: read once, checked, kept."""

import functools
from contextlib import suppress

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _

from .conf import guard_settings
from .idle import (
    RECORD,
    activity_is_stale,
    duration,
    idle_ends_at,
    now,
    signed_in_ends_at,
)
from .models import SignedInSession
from .records import keep_record, note_activity
from .stores import keeps_sessions_on_the_server
from .switching import take_from_old_engines
from .waiting import UNREAD, SessionBusy

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


@functools.cache
def guarded(store_class):
    """Return the engine's SessionStore class with GuardedSession's reading."""
    return type(store_class.__name__, (GuardedSession, store_class), {})


def may_change(request):
    """Return True if the request may change its session before it is saved."""
    return request.method not in SAFE_METHODS or settings.SESSION_SAVE_EVERY_REQUEST


def read_whole_body(request):
    """Read the request's body now, so that a slow upload holds no lock."""
    # RawPostDataException: read and parsed already, in full.
    with suppress(RawPostDataException):
        request.body  # noqa: B018


class GuardedSession:
    """A mixin of the engine's SessionStore: the first read of a request's session.

    The read takes the session's lock where the request may change the session, moves
    a session from an old engine, ends a session that is over, and has the time of
    the request noted (see SessionGuardMiddleware for the whole story).
    """

    def __init__(self, session_key=None, *, request=None, lock=None, held=None):
        super().__init__(session_key)
        self.request = request
        self.lock = lock  # a lock of locks.py, or None
        self.held = held  # the ExitStack that holds it until the response is out
        self.locked = False
        self.read_by_lock = None  # the Read of a lock that read the session...
        self.read_key = None  # ...under this key
        self.busy = False  # its lock was not to be had: nothing more to read
        self.read_only = False  # refused (views.csrf_failure): it changes nothing

    def load(self):
        may_write = may_change(self.request) and not self.read_only
        data = self.read_and_check(lock=may_write)
        if activity_is_stale(data) and not self.read_only:
            if self.lock and not self.locked:
                # Noting the time means saving the session: under its lock, and from
                # what it holds then. Once a minute at most for requests that read.
                data = self.read_and_check(lock=True)
            if activity_is_stale(data):
                self.modified = True  # save() notes the time
        return data

    def read_and_check(self, lock):
        cookie_key = self.session_key
        if self.busy:
            raise SessionBusy
        if lock and self.lock and cookie_key:
            read_whole_body(self.request)
            try:
                read = self.held.enter_context(self.lock(cookie_key))
            except SessionBusy:
                self.busy = True
                raise
            self.locked = True
        else:
            read = UNREAD
        if read is UNREAD:
            data = super().load()
        elif read.data is None:  # no such live session, as the engine's load() finds
            self._session_key = None
            data = {}
        else:
            self.read_by_lock, self.read_key, data = read, cookie_key, read.data
        moved = False
        if not data and cookie_key and guard_settings.FALLBACK_ENGINES:
            data = take_from_old_engines(cookie_key) or {}
            moved = bool(data)
        if not data:
            return data
        over, message = self.why_over(data, check_record=moved)
        if over:
            self.end(data, message)
            return {}
        if moved:  # into this engine, under a key of its own
            self._session_cache = data
            self.create()
            keep_record(self, self.request)
        return data

    def why_over(self, data, check_record=False):
        """Return (True, a message or None) if the session is over, else (False, None).

        Its record is looked up where nothing else could have ended the session: for
        a signed cookie, or a session an old engine held.
        """
        time = now()
        if (ends_at := idle_ends_at(data)) is not None and time >= ends_at:
            timeout = duration(guard_settings.IDLE_TIMEOUT)
            return True, _(
                "Your session ended after %(duration)s without activity."
            ) % {"duration": timeout}
        if (ends_at := signed_in_ends_at(data)) is not None and time >= ends_at:
            return True, _("Your session reached its time limit: sign in again.")
        if guard_settings.RECORDS and SESSION_KEY in data:
            ref = data.get(RECORD)
            if ref is None:
                return True, None  # signed in before it could have a record
            if check_record or not keeps_sessions_on_the_server(type(self)):
                # One query, on signed-in requests only.
                return not SignedInSession.objects.exists_with_ref(ref), None
        return False, None

    def end(self, data, message):
        """Delete the session and its record; the request goes on with a new one."""
        if ref := data.get(RECORD):
            SignedInSession.objects.filter(ref=ref).delete()
        self.delete(self.session_key)
        self._session_key = None
        if message and self.request is not None:
            messages.info(self.request, message, fail_silently=True)

    def save(self, must_create=False):
        data = getattr(self, "_session_cache", None)
        if activity_is_stale(data):
            note_activity(data)
        if self.read_by_lock and not must_create and self.session_key == self.read_key:
            self.read_by_lock.save(self)  # the save that goes with the lock's read
        else:
            super().save(must_create)

    def cycle_key(self):
        super().cycle_key()
        keep_record(self, self.request)

    def flush(self):
        """Empty and delete the session, and its record: signing out, say."""
        ref = self.get(RECORD)
        super().flush()
        if ref:
            SignedInSession.objects.filter(ref=ref).delete()
