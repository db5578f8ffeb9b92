"""One request at a time may change a session.

Django saves a session whole: when two requests change one session at once, both read
the same data and the last to save wins, so the other's change is lost. Each engine
that keeps sessions on the server gets a lock here, taken before the session is read
and released after it is saved (see middleware.py): a row lock in PostgreSQL, an
atomic add in a shared cache, a lock file on one machine. Signed-cookie sessions live
in the browser, where no server lock can reach them.
"""

import hashlib
import secrets
import time
from contextlib import contextmanager, suppress
from functools import partial
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import OperationalError, connection, transaction

try:
    from redis.exceptions import ConnectionError, TimeoutError

    CACHE_DOWN = (ConnectionError, TimeoutError)
except ImportError:  # no Redis here, and a local-memory cache cannot go down
    CACHE_DOWN = ()

# A cache lock outlives a holder that died by this many seconds at most.
CACHE_LOCK_EXPIRY = 60


class SessionBusy(Exception):
    """Another request held the session's lock for longer than SESSION_LOCK_TIMEOUT."""


def lock_key(session_key):
    """Return a short name for the lock of a session, safe as a key or file name."""
    # The cookie value is the visitor's to choose: hash it into a short, safe name.
    return hashlib.sha256(session_key.encode()).hexdigest()


@contextmanager
def row_lock(session_key):
    """Lock the session's row (SELECT ... FOR UPDATE) until the request commits.

    For databases that lock rows, such as PostgreSQL: it gives up after the timeout.
    """
    timeout_ms = int(settings.SESSION_LOCK_TIMEOUT * 1000)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('lock_timeout', %s, true)",
                        [f"{timeout_ms}ms"],
                    )
            rows = Session.objects.select_for_update().filter(session_key=session_key)
            list(rows.values_list("pk"))
            yield
    except OperationalError as error:  # the lock timeout
        raise SessionBusy from error


@contextmanager
def cache_lock(session_key):
    """Lock with an atomic add() of a key in the sessions cache, for every server."""
    cache = caches[settings.SESSION_CACHE_ALIAS]
    key, token = f"session-lock:{lock_key(session_key)}", secrets.token_hex(16)
    deadline = time.monotonic() + settings.SESSION_LOCK_TIMEOUT
    # Nothing can be saved while the cache is down, so nothing can be lost: go on.
    with suppress(*CACHE_DOWN):
        while not cache.add(key, token, timeout=CACHE_LOCK_EXPIRY):
            if time.monotonic() > deadline:
                raise SessionBusy
            time.sleep(0.005)
    try:
        yield
    finally:
        with suppress(*CACHE_DOWN):
            # Only the holder's token lets go: a lock that expired and was taken by
            # another request stays.
            if cache.get(key) == token:
                cache.delete(key)


@contextmanager
def file_lock(session_key, folder):
    """Lock with flock() on one of 256 files in folder, for one machine's processes."""
    import fcntl  # POSIX only, like the servers this runs on

    folder.mkdir(mode=0o700, exist_ok=True)
    deadline = time.monotonic() + settings.SESSION_LOCK_TIMEOUT
    with open(folder / lock_key(session_key)[:2], "a") as lock_file:
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SessionBusy from None
                time.sleep(0.005)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def lock_for_engine():
    """Return the lock that fits SESSION_ENGINE, or None where none can help."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if issubclass(store, DatabaseStore):  # db and cached_db
        if connection.vendor != "sqlite":
            return row_lock
        # SQLite has no row locks, and its write lock covers the whole database: held
        # for a whole request, it would make every visitor wait for every other. It
        # serves one machine, so lock files beside it do, per session.
        folder = Path(connection.settings_dict["NAME"]).parent / "session-locks"
        return partial(file_lock, folder=folder)
    if issubclass(store, CacheStore):
        return cache_lock
    if issubclass(store, FileStore):
        return partial(file_lock, folder=Path(settings.SESSION_FILE_PATH) / "locks")
    return None
