"""One request at a time may change a session.

Django saves a session whole: when two requests change one session at once, both read
the same data and the last to save wins, so the other's change is lost. Each engine
that keeps sessions on the server gets a lock per session here, taken before the view
reads the session and released after it is saved (see middleware.py): a row lock in
PostgreSQL, a Redis lock, a lock file on one machine, a thread lock in the one process
a local-memory cache lives in. Signed-cookie sessions live in the browser, where no
server lock can reach them.

Only waiting for a lock is bounded by SESSION_GUARD_LOCK_TIMEOUT; a request that waits
longer gets SessionBusy.
"""

import hashlib
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from importlib import import_module
from pathlib import Path
from weakref import WeakValueDictionary

from django.conf import settings
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError, connection, transaction

try:
    from redis.exceptions import ConnectionError, LockNotOwnedError, TimeoutError

    CACHE_DOWN = (ConnectionError, TimeoutError)
except ImportError:  # no Redis here, and a local-memory cache cannot go down
    CACHE_DOWN = ()

# A Redis lock outlives a holder that died by this many seconds at most.
CACHE_LOCK_EXPIRY = 60
# PostgreSQL's SQLSTATE for "lock_timeout ran out" (lock_not_available).
LOCK_NOT_AVAILABLE = "55P03"


class SessionBusy(Exception):
    """Another request held the lock longer than SESSION_GUARD_LOCK_TIMEOUT."""


def lock_timeout():
    """Return SESSION_GUARD_LOCK_TIMEOUT, or 10 for a project made for signed cookies.

    Such a project has no lock, nor the setting, until it switches engines.
    """
    return getattr(settings, "SESSION_GUARD_LOCK_TIMEOUT", 10)


def session_store_class():
    """Return the SessionStore class of SESSION_ENGINE."""
    return import_module(settings.SESSION_ENGINE).SessionStore


def lock_key(session_key):
    """Return a short name for the lock of a session, safe as a key or file name."""
    # The cookie value is the visitor's to choose: hash it into a short, safe name.
    return hashlib.sha256(session_key.encode()).hexdigest()


@contextmanager
def row_lock(session_key):
    """Lock the session's row in PostgreSQL (SELECT ... FOR UPDATE) until commit."""
    rows = Session.objects.select_for_update().filter(session_key=session_key)
    with transaction.atomic():
        with connection.cursor() as cursor:
            milliseconds = int(lock_timeout() * 1000)
            cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")
            try:
                list(rows.values_list("pk"))
            except OperationalError as error:
                if getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE:
                    raise SessionBusy from error
                raise
            # Locks the view takes wait as the database says, not as this setting.
            cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
        yield


@contextmanager
def redis_lock(session_key):
    """Lock with redis-py's Lock, which only its holder releases, atomically."""
    lock = caches[settings.SESSION_CACHE_ALIAS].lock(
        f"session-lock:{lock_key(session_key)}",
        timeout=CACHE_LOCK_EXPIRY,
        sleep=0.005,
        blocking_timeout=lock_timeout(),
    )
    try:
        taken = lock.acquire()
    except CACHE_DOWN:
        # Nothing can be saved while Redis is down, so nothing can be lost: go on.
        taken = None
    if taken is False:
        raise SessionBusy
    try:
        yield
    finally:
        if taken:
            try:
                lock.release()
            except LockNotOwnedError:
                pass  # it expired, and may be another request's now: theirs to release
            except CACHE_DOWN:
                pass  # it expires by itself


# A local-memory cache lives in one process, so a lock of that process is enough.
# Each lock lives while a request holds or waits for it.
process_locks = WeakValueDictionary()
process_locks_guard = threading.Lock()


@contextmanager
def process_lock(session_key):
    """Lock with a thread lock of this process, for a local-memory session cache."""
    with process_locks_guard:
        lock = process_locks.setdefault(session_key, threading.Lock())
    if not lock.acquire(timeout=lock_timeout()):
        raise SessionBusy
    try:
        yield
    finally:
        lock.release()


@contextmanager
def file_lock(session_key, folder):
    """Lock with flock() on a file of the session's own, for one machine's processes.

    The holder deletes the file as it lets go, so lock files do not pile up.
    """
    import fcntl  # POSIX only, like the servers this runs on

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / lock_key(session_key)
    deadline = time.monotonic() + lock_timeout()
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise SessionBusy from None
                    time.sleep(0.005)
        except SessionBusy:
            os.close(descriptor)
            raise
        # A file its last holder deleted meanwhile locks nothing: try the new one.
        if is_still_at(descriptor, path):
            break
        os.close(descriptor)
    try:
        yield
    finally:
        path.unlink()
        os.close(descriptor)


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
            return row_lock
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
            return redis_lock
    elif issubclass(store, FileStore):
        folder = Path(settings.SESSION_FILE_PATH or tempfile.gettempdir())
        return partial(file_lock, folder=folder / "locks")
    return None
