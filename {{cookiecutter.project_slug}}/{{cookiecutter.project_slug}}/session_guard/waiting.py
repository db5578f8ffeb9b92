"""What every session lock shares: how long to wait, and what not getting it means."""

import hashlib
import time

from .conf import guard_settings

# What a lock yields that leaves the read to the engine.
UNREAD = object()
# Seconds between two tries for a lock another request holds.
POLL = 0.005


class SessionBusy(Exception):
    """Another request held the lock longer than SESSION_GUARD_LOCK_TIMEOUT."""


def lock_key(session_key):
    """Return a short name for the lock of a session, safe as a key or file name."""
    # The cookie value is the visitor's to choose: hash it into a short, safe name.
    return hashlib.sha256(session_key.encode()).hexdigest()


def waiting_until():
    """Return when a request that waits for a lock from now on gives up."""
    return time.monotonic() + guard_settings.LOCK_TIMEOUT
