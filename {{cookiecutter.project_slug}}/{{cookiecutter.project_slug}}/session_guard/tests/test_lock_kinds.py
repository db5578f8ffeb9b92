"""Each kind of lock lets go cleanly, and only ever of its own lock."""

import fcntl
import os
import threading
import time
from contextlib import ExitStack
from functools import partial

import pytest
from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .. import locks, reading_locks
from ..locks import file_lock, lock_for_engine, process_lock
from ..reading_locks import redis_lock, row_lock
from ..session import guarded
from ..stores import session_store_class
from ..testing import session_cookie, session_store, stored_data
from ..waiting import SessionBusy, lock_key

pytestmark = pytest.mark.django_db(transaction=True)


def engine_locks_with(kind):
    """Skip the test unless the session engine in force locks with kind."""
    lock = lock_for_engine()
    return pytest.mark.skipif(
        getattr(lock, "func", lock) is not kind,
        reason=f"this engine and its database or cache do not use {kind.__name__}",
    )


@engine_locks_with(row_lock)
def test_a_database_error_under_the_row_lock_is_not_taken_for_a_busy_session():
    with (
        pytest.raises(OperationalError),
        row_lock("some-session-key", model=Session, decode=session_store().decode),
    ):
        raise OperationalError("server closed the connection unexpectedly")


@engine_locks_with(row_lock)
def test_the_row_lock_is_the_read_of_a_live_session(visitor):
    key = session_cookie(visitor).value
    decode = session_store().decode
    with row_lock(key, model=Session, decode=decode) as read:
        assert read.data["note"] == "tea"
    with row_lock("madeup" + "0" * 26, model=Session, decode=decode) as read:
        assert read.data is None


@engine_locks_with(row_lock)
def test_a_change_under_the_row_lock_is_saved_in_its_transaction_alone(visitor):
    with CaptureQueriesContext(connection) as queries:
        response = visitor.post(reverse("tests:add"), {"item": "cake"})

    assert response.status_code == 204
    assert [query for query in queries if "SAVEPOINT" in query["sql"]] == []
    assert stored_data(session_cookie(visitor).value)["items"] == ["cake"]


@engine_locks_with(redis_lock)
def test_the_redis_lock_of_cache_sessions_is_the_read(visitor):
    key = session_cookie(visitor).value
    with lock_for_engine()(key) as read:
        assert read.data["note"] == "tea"
    with lock_for_engine()("madeup" + "0" * 26) as read:
        assert read.data is None


@engine_locks_with(redis_lock)
def test_a_session_ended_while_its_redis_lock_is_held_is_not_saved_again(visitor, rf):
    # (Ending a session stored in PostgreSQL waits for its row lock instead.)
    key = session_cookie(visitor).value
    request = rf.post("/")
    with ExitStack() as held:
        store_class = guarded(session_store_class())
        session = store_class(key, request=request, lock=lock_for_engine(), held=held)
        session["items"] = ["cake"]  # read under the lock
        session_store().delete(key)  # ended meanwhile, say on "Your sessions"

        with pytest.raises(UpdateError):
            session.save()

    assert not session_store().exists(key)


@engine_locks_with(redis_lock)
def test_a_redis_lock_outlives_a_holder_that_died_by_a_minute_at_most():
    cache = caches[settings.SESSION_CACHE_ALIAS]
    with redis_lock("some-session-key"):
        expiry = cache.ttl(f"session-lock:{lock_key('some-session-key')}")

    assert 0 < expiry <= 60


@engine_locks_with(redis_lock)
def test_a_redis_lock_that_expired_and_was_taken_stays_with_its_new_holder(
    monkeypatch,
):
    cache = caches[settings.SESSION_CACHE_ALIAS]
    name = f"session-lock:{lock_key('some-session-key')}"
    monkeypatch.setattr(reading_locks, "CACHE_LOCK_EXPIRY", 0.2)

    with redis_lock("some-session-key"):
        time.sleep(0.3)
        # Another request's lock, taken after ours expired.
        their_lock = cache.lock(name, timeout=60)
        assert their_lock.acquire(blocking=False)

    assert their_lock.owned()
    their_lock.release()


@engine_locks_with(process_lock)
def test_process_locks_live_only_while_used():
    with process_lock("some-session-key"):
        assert "some-session-key" in locks.process_locks

    assert "some-session-key" not in locks.process_locks


def test_lock_files_are_deleted_and_their_folder_is_private(tmp_path):
    folder = tmp_path / "locks"

    for number in range(20):
        with file_lock(f"session-{number}", folder):
            assert (folder / lock_key(f"session-{number}")).exists()

    assert folder.stat().st_mode & 0o777 == 0o700
    assert list(folder.iterdir()) == []


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.5)
def test_a_lock_file_deleted_while_waiting_for_it_is_not_taken_for_the_lock(
    tmp_path, monkeypatch
):
    path = tmp_path / lock_key("some-session-key")
    first_holder = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(first_holder, fcntl.LOCK_EX)
    opened = threading.Event()
    real_open = os.open

    def open_and_tell(file, *args):
        descriptor = real_open(file, *args)
        if file == path:
            opened.set()
        return descriptor

    monkeypatch.setattr(os, "open", open_and_tell)
    outcome = []

    def wait_for_the_lock():
        try:
            with file_lock("some-session-key", tmp_path):
                outcome.append("taken")
        except SessionBusy:
            outcome.append("busy")

    waiter = threading.Thread(target=wait_for_the_lock)
    waiter.start()
    assert opened.wait(5)
    # The first holder lets go as file_lock does, and a third request takes the lock
    # in the new file at the same path.
    path.unlink()
    third_holder = real_open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(third_holder, fcntl.LOCK_EX)
    os.close(first_holder)
    waiter.join()
    os.close(third_holder)

    assert outcome == ["busy"]


def test_lock_files_land_in_a_folder_git_ignores(monkeypatch):
    # As in development: db.sqlite3 next to manage.py, the project's .gitignore.
    monkeypatch.setitem(
        connection.settings_dict, "NAME", settings.BASE_DIR / "db.sqlite3"
    )
    lock = lock_for_engine()
    if not isinstance(lock, partial) or lock.func is not file_lock:
        pytest.skip("this engine and database lock without files")
    folder = lock.keywords["folder"]
    if not folder.is_relative_to(settings.BASE_DIR):
        pytest.skip("the lock files are outside the project")

    folder = folder.relative_to(settings.BASE_DIR)

    ignored = (settings.BASE_DIR / ".gitignore").read_text().splitlines()
    assert any(f"/{path}/" in ignored for path in [folder, *folder.parents[:-1]])
