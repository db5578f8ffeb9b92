"""Requests that change one session take turns, and none waits without end."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from ...testing import http_request, session_cookie, session_store, stored_cart
from ..locks import lock_for_engine
from ..middleware import SessionLockMiddleware

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


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_change_gives_up_after_the_lock_timeout(shopper):
    with lock_held_elsewhere(key_of(shopper)):
        started = time.monotonic()
        response = shopper.post(reverse("cart:add", args=["cake"]))
        waited = time.monotonic() - started

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert stored_cart(key_of(shopper)) == {"tea": 1}
    # It waited about SESSION_GUARD_LOCK_TIMEOUT (Redis locks give up a poll early),
    # not for a database's own lock timeout.
    assert 0.05 <= waited < 5


def test_a_change_goes_through_once_the_lock_is_free(shopper):
    with lock_held_elsewhere(key_of(shopper), for_seconds=0.1):
        response = shopper.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 302
    assert stored_cart(key_of(shopper)) == {"tea": 1, "cake": 1}


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_other_sessions_change_while_one_is_locked(shopper, second_shopper):
    with lock_held_elsewhere(key_of(shopper)):
        response = second_shopper.post(reverse("cart:add", args=["pie"]))

    assert response.status_code == 302
    assert stored_cart(key_of(second_shopper)) == {"cake": 1, "pie": 1}


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=False)
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "TRACE"])
def test_requests_that_only_read_do_not_wait(shopper, method):
    with lock_held_elsewhere(key_of(shopper)):
        response = shopper.generic(method, reverse("cart:detail"))

    assert response.status_code != 503


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1, SESSION_SAVE_EVERY_REQUEST=True)
def test_every_request_takes_turns_when_every_request_saves(shopper):
    # A page that only reads still writes the session then.
    with lock_held_elsewhere(key_of(shopper)):
        assert shopper.get(reverse("cart:detail")).status_code == 503


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_visitor_without_a_session_does_not_wait(client):
    response = client.post(reverse("cart:add", args=["tea"]))

    assert response.status_code == 302


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_a_busy_session_gets_a_plain_text_503_that_says_why(shopper):
    with lock_held_elsewhere(key_of(shopper)):
        response = shopper.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 503
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Another request is changing this session. Try again in a moment."
    )


def test_a_made_up_session_cookie_takes_no_lock(csrf_client, csrf_token):
    made_up = "madeup" + "0" * 26
    csrf_client.cookies[settings.SESSION_COOKIE_NAME] = made_up
    with lock_held_elsewhere(made_up):
        response = csrf_client.post(
            reverse("cart:add", args=["tea"]), {"csrfmiddlewaretoken": csrf_token}
        )

    assert response.status_code == 302


@override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1)
def test_an_expired_session_takes_no_lock(shopper):
    key = key_of(shopper)
    expired = session_store(key)
    expired.set_expiry(-1)
    expired.save()
    with lock_held_elsewhere(key):
        response = shopper.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 302
    assert key_of(shopper) != key


def test_a_forged_request_takes_no_lock(csrf_client, csrf_token):
    csrf_client.post(
        reverse("cart:add", args=["tea"]), {"csrfmiddlewaretoken": csrf_token}
    )
    with lock_held_elsewhere(key_of(csrf_client)):
        response = csrf_client.post(reverse("cart:add", args=["cake"]))

    assert response.status_code == 403
    assert stored_cart(key_of(csrf_client)) == {"tea": 1}


def test_a_session_read_before_the_lock_is_read_again_under_it(shopper):
    key = key_of(shopper)
    request = RequestFactory().post("/")
    request._dont_enforce_csrf_checks = True
    request.COOKIES[settings.SESSION_COOKIE_NAME] = key
    # A middleware before the view read the session; then another request changed it.
    request.session = session_store(key)
    assert request.session["cart"] == {"tea": 1}
    elsewhere = session_store(key)
    elsewhere["cart"] = {"tea": 2}
    elsewhere.save()

    with ExitStack() as request.session_guard_locks:
        SessionLockMiddleware(lambda request: None).process_view(request, None, (), {})

        assert request.session["cart"] == {"tea": 2}


def test_no_two_sessions_share_a_lock():
    # More sessions than a fixed set of lock buckets could keep apart.
    with (
        override_settings(SESSION_GUARD_LOCK_TIMEOUT=0.1),
        lock_held_elsewhere("a-session-key"),
    ):
        for number in range(300):
            with lock_for_engine()(f"another-session-key-{number}"):
                pass


def test_fifty_simultaneous_additions_all_arrive(live_server):
    cookies = {}
    http_request(live_server.url, "GET", reverse("sessions_demo:set_session"), cookies)
    http_request(live_server.url, "GET", reverse("sessions_demo:playground"), cookies)
    token = {"csrfmiddlewaretoken": cookies[settings.CSRF_COOKIE_NAME]}

    def add(number):
        path = reverse("cart:add", args=[f"item-{number}"])
        return http_request(live_server.url, "POST", path, dict(cookies), token)

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(add, range(50)))

    assert statuses == [302] * 50
    expected = {f"item-{number}": 1 for number in range(50)}
    assert stored_cart(cookies[settings.SESSION_COOKIE_NAME]) == expected
