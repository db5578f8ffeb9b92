"""Requests that change one session take turns, and none waits without end."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from ..conf import guard_settings
from ..locks import lock_for_engine
from ..testing import http_request, session_cookie, stored_data

# Other threads must see what the tests write, so no test runs in a transaction.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not guard_settings.LOCK, reason="SESSION_GUARD_LOCK is off"),
    pytest.mark.skipif(
        lock_for_engine() is None, reason="no lock reaches sessions of this engine"
    ),
]


@contextmanager
def lock_held_elsewhere(session_key, for_seconds=None):
    """Hold the session's lock in another thread until the block ends.

    With for_seconds, the thread lets go after that long instead.
    """
    taken, release = threading.Event(), threading.Event()

    def hold():
        try:
            with lock_for_engine()(session_key):
                taken.set()
                release.wait(for_seconds or 30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    try:
        yield
    finally:
        release.set()
        thread.join()


def key_of(client):
    return session_cookie(client).value


def add(client, item):
    return client.post(reverse("tests:add"), {"item": item})


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_change_gives_up_after_the_lock_timeout(visitor):
    with lock_held_elsewhere(key_of(visitor)):
        started = time.monotonic()
        response = add(visitor, "cake")
        waited = time.monotonic() - started

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert "items" not in stored_data(key_of(visitor))
    # It waited about SESSION_GUARD_LOCK_TIMEOUT (Redis locks give up a poll early),
    # not for a database's own lock timeout.
    assert 0.05 <= waited < 5


def test_a_change_goes_through_once_the_lock_is_free(visitor):
    with lock_held_elsewhere(key_of(visitor), for_seconds=0.1):
        response = add(visitor, "cake")

    assert response.status_code == 204
    assert stored_data(key_of(visitor))["items"] == ["cake"]


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_other_sessions_change_while_one_is_locked(visitor):
    other = Client()
    add(other, "cake")

    with lock_held_elsewhere(key_of(visitor)):
        response = add(other, "pie")

    assert response.status_code == 204
    assert stored_data(key_of(other))["items"] == ["cake", "pie"]


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=False)
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "TRACE"])
def test_requests_that_only_read_do_not_wait(visitor, method):
    with lock_held_elsewhere(key_of(visitor)):
        response = visitor.generic(method, reverse("tests:page"))

    assert response.status_code != 503


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=True)
def test_every_request_takes_turns_when_every_request_saves(visitor):
    # A page that only reads still writes the session then.
    with lock_held_elsewhere(key_of(visitor)):
        assert visitor.get(reverse("tests:page")).status_code == 503


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_visitor_without_a_session_does_not_wait(client):
    assert add(client, "tea").status_code == 204


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_busy_session_gets_a_plain_text_503_that_says_why(visitor):
    with lock_held_elsewhere(key_of(visitor)):
        response = add(visitor, "cake")

    assert response.status_code == 503
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Another request is changing this session. Try again in a moment."
    )


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_made_up_session_key_locks_only_itself(visitor):
    made_up = "madeup" + "0" * 26
    stranger = Client()
    stranger.cookies[settings.SESSION_COOKIE_NAME] = made_up

    # Another session's lock does not hold it up...
    with lock_held_elsewhere(key_of(visitor)):
        assert add(stranger, "tea").status_code == 204
    # ...and what it locks is its own key alone: the visitor goes on.
    with lock_held_elsewhere(made_up):
        assert add(visitor, "cake").status_code == 204


def test_a_forged_request_takes_no_lock(visitor):
    visitor.handler.enforce_csrf_checks = True
    with lock_held_elsewhere(key_of(visitor)):
        response = add(visitor, "cake")

    assert response.status_code == 403
    assert "items" not in stored_data(key_of(visitor))


def test_no_two_sessions_share_a_lock():
    # More sessions than a fixed set of lock buckets could keep apart.
    with (
        override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1),
        lock_held_elsewhere("a-session-key"),
    ):
        for number in range(300):
            with lock_for_engine()(f"another-session-key-{number}"):
                pass


@pytest.mark.serving
def test_fifty_simultaneous_additions_all_arrive(live_server):
    cookies = {}
    http_request(live_server.url, "GET", reverse("login"), cookies)  # a CSRF cookie
    token = cookies[settings.CSRF_COOKIE_NAME]

    def add_over_http(item, cookies):
        body = {"item": item, "csrfmiddlewaretoken": token}
        return http_request(
            live_server.url, "POST", reverse("tests:add"), cookies, body
        )

    assert add_over_http("0", cookies) == 204  # the session, in cookies from now on
    items = [str(number) for number in range(1, 50)]
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(add_over_http, items, [cookies] * len(items)))

    assert statuses == [204] * 49
    stored = stored_data(cookies[settings.SESSION_COOKIE_NAME])["items"]
    assert sorted(stored, key=int) == ["0", *items]
