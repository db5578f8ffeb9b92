"""One request at a time may change a session.

Django saves a session whole: when two requests change one session at once, both read
the same data and the last to save wins, so the other's change is lost. Each engine
that keeps sessions on the server gets a lock per session key here, taken before the
session is read and released after it is saved (middleware.py): a row lock in
PostgreSQL and a Redis lock, each of which is also the read (reading_locks.py), a
lock file on one machine, a thread lock in the one process a local-memory cache lives
in. Signed-cookie sessions live in the browser, where no server lock can reach them.

Each lock is a context manager taking a session key. A lock that reads the session
yields a Read; the others yield UNREAD. Only waiting is bounded, by
SESSION_GUARD_LOCK_TIMEOUT: a request that waits longer gets SessionBusy.
"""

import os
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from weakref import WeakValueDictionary

from django.conf import settings
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection

from .conf import guard_settings
from .reading_locks import redis_lock, row_lock
from .stores import session_store_class
from .waiting import POLL, UNREAD, SessionBusy, lock_key, waiting_until

# A local-memory cache lives in one process, so a lock of that process is enough.
# Each lock lives while a request holds or waits for it.
process_locks = WeakValueDictionary()
process_locks_guard = threading.Lock()


@contextmanager
def process_lock(session_key):
    """Lock with a thread lock of this process, for a local-memory session cache."""
    with process_locks_guard:
        lock = process_locks.setdefault(session_key, threading.Lock())
    if not lock.acquire(timeout=guard_settings.LOCK_TIMEOUT):
        raise SessionBusy
    try:
        yield UNREAD
    finally:
        lock.release()


@contextmanager
def file_lock(session_key, folder):
    """Lock with flock() on a file of the session's own, for one machine's processes.

    The holder deletes the file as it lets go, so lock files do not pile up.
    """
    import fcntl  # POSIX only, like the servers this runs on

    path = folder / lock_key(session_key)
    deadline = waiting_until()
    while True:
        descriptor = open_lock_file(path)
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise SessionBusy from None
                    time.sleep(POLL)
        except SessionBusy:
            os.close(descriptor)
            raise
        # A file its last holder deleted meanwhile locks nothing: try the new one.
        if is_still_at(descriptor, path):
            break
        os.close(descriptor)
    try:
        yield UNREAD
    finally:
        path.unlink()
        os.close(descriptor)


def open_lock_file(path):
    """Open (or make) a lock file, and its folder the first time."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


def is_still_at(descriptor, path):
    """Return True if the open file is the one now at path."""
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False


def lock_for_engine():
    """Return the lock that fits SESSION_ENGINE, or None where none is known."""
    store = session_store_class()
    if issubclass(store, DatabaseStore):  # db and cached_db
        if connection.vendor == "postgresql":
            model, decode = store.get_model_class(), store().decode
            return partial(row_lock, model=model, decode=decode)
        if connection.vendor == "sqlite":
            # SQLite has no row locks, and its write lock covers the whole database:
            # held for a whole request, it would make every visitor wait for every
            # other. It serves one machine, so lock files beside it do, per session.
            folder = Path(connection.settings_dict["NAME"]).parent / "session-locks"
            return partial(file_lock, folder=folder)
    elif issubclass(store, CacheStore):
        alias = settings.SESSION_CACHE_ALIAS
        cache = caches[alias] if alias in settings.CACHES else None
        if isinstance(cache, LocMemCache):
            return process_lock
        if hasattr(cache, "lock"):  # django-redis
            return partial(redis_lock, read_prefix=store.cache_key_prefix)
    elif issubclass(store, FileStore):
        folder = Path(settings.SESSION_FILE_PATH or tempfile.gettempdir())
        return partial(file_lock, folder=folder / "locks")
    return None
