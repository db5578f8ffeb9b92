"""Locks that are the read of the session, and the save that goes with each.

On PostgreSQL the lock is SELECT ... FOR UPDATE of the session's row, and the save an
UPDATE in the same transaction. In Redis it is SET NX of a lock key sent with the GET
of the session, and the save SET XX sent with the lock's release. Either way the lock
costs no round trip that Django's own read and save would not make.

Each yields a Read: the session's data (None if there is no such live session) and
save(store), which the session calls in place of the engine's save() when it saves
what the lock read under the same key.
"""

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.cached_db import (
    SessionStore as CachedDatabaseStore,
)
from django.core.cache import caches
from django.db import DatabaseError, OperationalError, connections, router, transaction
from django.utils import timezone

from .waiting import POLL, UNREAD, SessionBusy, lock_key, waiting_until

try:
    from redis.exceptions import ConnectionError, NoScriptError, TimeoutError

    CACHE_DOWN = (ConnectionError, TimeoutError)
except ImportError:  # no Redis here, and a local-memory cache cannot go down
    CACHE_DOWN = ()

logger = logging.getLogger(__name__)
NOT_SAVED = "Session cache unreachable: a session was not saved."
# PostgreSQL's SQLSTATE for "could not obtain lock" (lock_not_available).
LOCK_NOT_AVAILABLE = "55P03"
# A Redis lock outlives a holder that died by this many seconds at most.
CACHE_LOCK_EXPIRY = 60
# Deletes a Redis lock if it still holds this holder's token.
RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end
return 0
"""
RELEASE_SHA = hashlib.sha1(RELEASE.encode()).hexdigest()  # noqa: S324 # nosec B324 (Redis's name for it)


@dataclass
class Read:
    """What a lock read: the session's data, or None; and how to save it."""

    data: dict | None
    save: Callable


@contextmanager
def row_lock(session_key, model, decode):
    """Read the session's row with SELECT ... FOR UPDATE, locked until commit.

    NOWAIT, tried again until SESSION_GUARD_LOCK_TIMEOUT: a refused try costs its
    transaction, and the wait is this setting's alone, whatever the database's
    lock_timeout says of the view's own locks. SQL of its own, as the ORM would write
    it: this runs on every request that may change a session.
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
                yield Read(decode(row[0]) if row else None, save_locked_row)
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


@contextmanager
def redis_lock(session_key, read_prefix=None):
    """Lock with a Redis key that only its holder deletes; with read_prefix, read too.

    SET NX with an expiry takes it, and in the same round trip (a pipeline) GET reads
    the session cached under read_prefix + session_key. A script deletes the key if
    it still holds this lock's token, so a holder whose lock expired never releases
    another's: with the save, in the save's round trip, or on the way out.
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
    released = False

    def save_and_release(store):
        """Save the session with SET XX, which writes it only if it is still there,
        and release the lock in the same round trip."""
        nonlocal released
        timeout = store.get_expiry_age()
        pipe = client.pipeline(transaction=False)
        if timeout > 0:
            value = cache.client.encode(store._get_session())
            pipe.set(cache.make_key(store.cache_key), value, ex=timeout, xx=True)
        pipe.evalsha(RELEASE_SHA, 1, name, token)
        try:
            *saved, release_answer = pipe.execute(raise_on_error=False)
        except CACHE_DOWN:
            logger.warning(NOT_SAVED)
            return
        released = True
        if isinstance(release_answer, NoScriptError):  # a Redis that restarted since
            release(client, name, token)
        if saved and isinstance(saved[0], Exception):
            raise saved[0]
        if saved and saved[0] is not True:
            raise UpdateError  # ended meanwhile: it stays ended

    try:
        if not read:
            yield UNREAD
        else:
            data = None if read[0] is None else cache.client.decode(read[0])
            yield Read(data, save_and_release)
    finally:
        if not released:
            with suppress(*CACHE_DOWN):  # if so, it expires by itself
                release(client, name, token)


def release(client, name, token):
    """Delete a Redis lock if it still holds token."""
    client.register_script(RELEASE)(keys=[name], args=[token])  # by its SHA
