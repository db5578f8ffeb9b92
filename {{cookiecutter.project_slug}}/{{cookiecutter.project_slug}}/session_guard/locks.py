"""One request at a time may change a session.

Django saves a session whole: when two requests change one session at once, both read
the same data and the last to save wins, so the other's change is lost. Each engine
that keeps sessions on the server gets a lock per session key here, taken before the
session is read and released after it is saved (middleware.py): a row lock in
PostgreSQL, which is also the read, a Redis lock, a lock file on one machine, a
thread lock in the one process a local-memory cache lives in. Signed-cookie sessions
live in the browser, where no server lock can reach them.

Each lock is a context manager taking a session key. Where taking it also reads the
session (the row lock, the Redis lock of cache sessions) it yields the session's data,
or None if there is no such live session; the others yield UNREAD. Only waiting is bounded, by SESSION_GUARD_LOCK_TIMEOUT: a request
that waits longer gets SessionBusy.
"""

import hashlib
import logging
import os
import secrets
import tempfile
import threading
import time
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import Path
from weakref import WeakValueDictionary

from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.cached_db import (
    SessionStore as CachedDatabaseStore,
)
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import (
    DatabaseError,
    OperationalError,
    connection,
    connections,
    router,
    transaction,
)
from django.utils import timezone

from .conf import guard_settings
from .stores import session_store_class

try:
    from redis.exceptions import ConnectionError, TimeoutError

    CACHE_DOWN = (ConnectionError, TimeoutError)
except ImportError:  # no Redis here, and a local-memory cache cannot go down
    CACHE_DOWN = ()

UNREAD = object()
NOT_SAVED = "Session cache unreachable: a session was not saved."
logger = logging.getLogger(__name__)
# A Redis lock outlives a holder that died by this many seconds at most.
CACHE_LOCK_EXPIRY = 60
# Deletes a Redis lock if it is still the one of this token.
RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end
return 0
"""
# PostgreSQL's SQLSTATE for "could not obtain lock" (lock_not_available).
LOCK_NOT_AVAILABLE = "55P03"
# Seconds between two tries for a lock another request holds.
POLL = 0.005


class SessionBusy(Exception):
    """Another request held the lock longer than SESSION_GUARD_LOCK_TIMEOUT."""


def lock_key(session_key):
    """Return a short name for the lock of a session, safe as a key or file name."""
    # The cookie value is the visitor's to choose: hash it into a short, safe name.
    return hashlib.sha256(session_key.encode()).hexdigest()


def waiting_until():
    return time.monotonic() + guard_settings.LOCK_TIMEOUT


@contextmanager
def row_lock(session_key, model, decode):
    """Read the session's row with SELECT ... FOR UPDATE, locked until commit.

    Yield its data (decoded with decode), or None if there is no such live session.
    NOWAIT, tried
    again until SESSION_GUARD_LOCK_TIMEOUT: a refused try costs its transaction, and
    the wait is this setting's alone, whatever the database's lock_timeout says of the
    view's own locks. SQL of its own, as the ORM would write it: this runs on every
    request that may change a session.
    """
    using = router.db_for_write(model)
    table = connections[using].ops.quote_name(model._meta.db_table)
    query = (
        f"SELECT session_data FROM {table} "  # noqa: S608 # nosec B608 (the model's)
        "WHERE session_key = %s AND expire_date > %s FOR UPDATE NOWAIT"
    )
    deadline = waiting_until()
    while True:
        read = False
        try:
            with transaction.atomic(using=using):
                with connections[using].cursor() as cursor:
                    cursor.execute(query, [session_key, timezone.now()])
                    row = cursor.fetchone()
                read = True
                yield decode(row[0]) if row else None
            return
        except OperationalError as error:
            busy = getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE
            if read or not busy:
                raise
            if time.monotonic() > deadline:
                raise SessionBusy from error
        time.sleep(POLL)


def save_locked_row(store):
    """Save a db or cached_db session whose row row_lock holds, as the engine would.

    The engine's save() wraps its UPDATE in an atomic block of its own: a savepoint
    inside row_lock's transaction, two round trips that lock nothing more. This is
    the same save, without them.
    """
    row = store.create_model_instance(store._get_session())
    try:
        row.save(force_update=True, using=router.db_for_write(type(row), instance=row))
    except DatabaseError as error:  # the row is gone: the session ended meanwhile
        raise UpdateError from error
    if isinstance(store, CachedDatabaseStore):
        store._cache.set(store.cache_key, store._session, store.get_expiry_age())


def save_locked_cache(store):
    """Save a cache session whose Redis lock read it, as the engine would.

    The engine's save() first reads the session again to see that it still exists.
    Under the lock, SET XX does both in one round trip: it writes the session only if
    it is still there (ended meanwhile, it stays ended).
    """
    cache = store._cache
    timeout = store.get_expiry_age()
    try:
        saved = timeout > 0 and cache.client.get_client(write=True).set(
            cache.make_key(store.cache_key),
            cache.client.encode(store._get_session()),
            ex=timeout,
            xx=True,
        )
    except CACHE_DOWN:
        logger.warning(NOT_SAVED)
        return
    if not saved:
        raise UpdateError


@contextmanager
def redis_lock(session_key, read_prefix=None):
    """Lock with a Redis key that only its holder deletes; with read_prefix, read too.

    SET NX with an expiry takes it, and in the same round trip (a pipeline) GET reads
    the session cached under read_prefix + session_key: the lock is the read, as on
    PostgreSQL. A script deletes the key if it still holds this lock's token, so a
    holder whose lock expired never releases another's.
    """
    cache = caches[settings.SESSION_CACHE_ALIAS]
    client = cache.client.get_client(write=True)  # django-redis's redis-py client
    name = cache.make_key(f"session-lock:{lock_key(session_key)}")
    token = secrets.token_hex(16)
    deadline = waiting_until()
    while True:
        pipe = client.pipeline(transaction=False)
        pipe.set(name, token, nx=True, px=int(CACHE_LOCK_EXPIRY * 1000))
        if read_prefix is not None:
            pipe.get(cache.make_key(read_prefix + session_key))
        try:
            taken, *read = pipe.execute()
        except CACHE_DOWN:
            # Nothing can be saved while Redis is down, so nothing can be lost: go on.
            yield UNREAD
            return
        if taken:
            break
        if time.monotonic() > deadline:
            raise SessionBusy
        time.sleep(POLL)
    try:
        if not read:
            yield UNREAD
        else:
            yield None if read[0] is None else cache.client.decode(read[0])
    finally:
        with suppress(*CACHE_DOWN):  # if so, it expires by itself
            client.eval(RELEASE, 1, name, token)


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

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / lock_key(session_key)
    deadline = waiting_until()
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
