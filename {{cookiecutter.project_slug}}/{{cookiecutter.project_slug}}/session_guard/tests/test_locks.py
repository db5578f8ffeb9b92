"""Requests that change one session take turns, and none waits without end."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from ...testing import session_cookie, stored_cart
from ..locks import (
    CACHE_LOCK_EXPIRY,
    cache_lock,
    file_lock,
    lock_for_engine,
    lock_key,
)

# Other threads must see what the tests write, so no test runs in a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


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


@pytest.fixture
def second_shopper():
    """Return another visitor, with a session of their own."""
    client = Client()
    client.post(reverse("cart:add", args=["cake"]))
    return client


def key_of(client):
    return session_cookie(client).value


@override_settings(SESSION_LOCK_TIMEOUT=0.1)
def test_a_change_gives_up_after_the_lock_timeout(shopper):
    with lock_held_elsewhere(key_of(shopper)):
        started = time.monotonic()
        response = shopper.post(reverse("cart:add", args=["cake"]))
        waited = time.monotonic() - started

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert stored_cart(key_of(shopper)) == {"tea": 1}
    # It waited for SESSION_LOCK_TIMEOUT, not for a database's own lock timeout.
    assert 0.1 <= waited < 5


def test_a_change_goes_through_once_the_lock_is_free(shopper):
    with lock_held_elsewhere(key_of(shopper), for_seconds=0.1):
        response = shopper.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 302
    assert stored_cart(key_of(shopper)) == {"tea": 1, "cake": 1}


@override_settings(SESSION_LOCK_TIMEOUT=0.1)
def test_other_sessions_change_while_one_is_locked(shopper, second_shopper):
    with lock_held_elsewhere(key_of(shopper)):
        response = second_shopper.post(reverse("cart:add", args=["pie"]))

    assert response.status_code == 302
    assert stored_cart(key_of(second_shopper)) == {"cake": 1, "pie": 1}


@override_settings(SESSION_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=False)
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "TRACE"])
def test_requests_that_only_read_do_not_wait(shopper, method):
    with lock_held_elsewhere(key_of(shopper)):
        response = shopper.generic(method, reverse("cart:detail"))

    assert response.status_code != 503


@override_settings(SESSION_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=True)
def test_every_request_takes_turns_when_every_request_saves(shopper):
    # A page that only reads still writes the session then.
    with lock_held_elsewhere(key_of(shopper)):
        assert shopper.get(reverse("cart:detail")).status_code == 503


@override_settings(SESSION_LOCK_TIMEOUT=0.1)
def test_a_visitor_without_a_session_does_not_wait(client):
    response = client.post(reverse("cart:add", args=["tea"]))

    assert response.status_code == 302


@override_settings(SESSION_LOCK_TIMEOUT=0.1)
def test_a_busy_session_gets_a_plain_text_503_that_says_why(shopper):
    with lock_held_elsewhere(key_of(shopper)):
        response = shopper.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 503
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Another request is changing this session. Try again in a moment."
    )


def test_lock_files_land_in_a_folder_git_ignores(monkeypatch):
    # As in development: db.sqlite3 next to manage.py, the project's .gitignore.
    monkeypatch.setitem(
        connection.settings_dict, "NAME", settings.BASE_DIR / "db.sqlite3"
    )
    lock = lock_for_engine()
    if not isinstance(lock, partial):
        pytest.skip("this engine and database lock without files")
    folder = lock.keywords["folder"]
    if not folder.is_relative_to(settings.BASE_DIR):
        pytest.skip("the lock files are outside the project")

    folder = folder.relative_to(settings.BASE_DIR)

    ignored = (settings.BASE_DIR / ".gitignore").read_text().splitlines()
    assert any(f"/{path}/" in ignored for path in [folder, *folder.parents[:-1]])


def test_lock_files_are_two_hex_digit_names_in_a_private_folder(tmp_path):
    folder = tmp_path / "locks"

    for number in range(20):
        with file_lock(f"session-{number}", folder):
            pass

    assert folder.stat().st_mode & 0o777 == 0o700
    names = [path.name for path in folder.iterdir()]
    assert names
    assert all(len(name) == 2 and int(name, 16) < 256 for name in names)


def test_a_cache_lock_outlives_a_holder_that_died_by_a_minute_at_most(monkeypatch):
    cache = caches[settings.SESSION_CACHE_ALIAS]
    timeouts = []
    real_add = cache.add

    def add(key, value, timeout=DEFAULT_TIMEOUT, version=None):
        timeouts.append(timeout)
        return real_add(key, value, timeout, version)

    monkeypatch.setattr(cache, "add", add)

    with cache_lock("some-session-key"):
        pass

    assert timeouts == [CACHE_LOCK_EXPIRY]
    assert CACHE_LOCK_EXPIRY <= 60


def test_a_cache_lock_taken_over_after_it_expired_stays_with_its_new_holder():
    cache = caches[settings.SESSION_CACHE_ALIAS]
    key = f"session-lock:{lock_key('some-session-key')}"

    with cache_lock("some-session-key"):
        # The lock expired, and another request took it.
        cache.set(key, "another request's token")

    assert cache.get(key) == "another request's token"
    cache.delete(key)


def request(site, method, path, cookies, body=None):
    """Send one request on a connection of its own, as a browser's tabs do."""
    address = urlsplit(site)
    http = HTTPConnection(address.hostname, address.port, timeout=30)
    headers = {
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())
    }
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    http.request(method, path, body=body and urlencode(body), headers=headers)
    response = http.getresponse()
    response.read()
    http.close()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.update(
            {name: morsel.value for name, morsel in SimpleCookie(header).items()}
        )
    return response.status


def test_fifty_simultaneous_additions_all_arrive(live_server):
    cookies = {}
    request(live_server.url, "GET", reverse("sessions_demo:set_session"), cookies)
    request(live_server.url, "GET", reverse("sessions_demo:playground"), cookies)
    token = {"csrfmiddlewaretoken": cookies[settings.CSRF_COOKIE_NAME]}

    def add(number):
        path = reverse("cart:add", args=[f"item-{number}"])
        return request(live_server.url, "POST", path, dict(cookies), token)

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(add, range(50)))

    assert statuses == [302] * 50
    expected = {f"item-{number}": 1 for number in range(50)}
    assert stored_cart(cookies[settings.SESSION_COOKIE_NAME]) == expected
