"""Requests that change one session take turns, and none waits without end."""

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from importlib import import_module
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from ..locks import lock_for_engine

# Other threads must see what the tests write, so no test runs in a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def lock_held_elsewhere(session_key, for_seconds=None):
    """The session's lock, held by another thread until the block ends.

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


def stored_cart(session_key):
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return store.load().get("cart", {})


@pytest.fixture
def shopper(client):
    client.post(reverse("add_to_cart", args=["tea"]))
    return client


def session_key_of(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@override_settings(SESSION_LOCK_TIMEOUT=0.3)
def test_a_change_gives_up_after_the_timeout(shopper):
    with lock_held_elsewhere(session_key_of(shopper)):
        response = shopper.post(reverse("add_to_cart", args=["cake"]))

    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert stored_cart(session_key_of(shopper)) == {"tea": 1}


def test_a_change_goes_through_once_the_lock_is_free(shopper):
    with lock_held_elsewhere(session_key_of(shopper), for_seconds=0.3):
        response = shopper.post(reverse("add_to_cart", args=["cake"]))

    assert response.status_code == 302
    assert stored_cart(session_key_of(shopper)) == {"tea": 1, "cake": 1}


@override_settings(SESSION_LOCK_TIMEOUT=0.3)
{% if cookiecutter.session_save_every_request %}
def test_every_request_takes_turns_since_every_request_saves(shopper):
    # SESSION_SAVE_EVERY_REQUEST: a page that only reads still writes the session.
    with lock_held_elsewhere(session_key_of(shopper)):
        assert shopper.get(reverse("cart")).status_code == 503
{% else %}
def test_pages_that_only_read_do_not_wait(shopper):
    with lock_held_elsewhere(session_key_of(shopper)):
        assert shopper.get(reverse("cart")).status_code == 200
{% endif %}


def request(site, method, path, cookies, body=None):
    """One request on a connection of its own, as separate browsers' tabs make them."""
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
    request(live_server.url, "GET", reverse("set_session"), cookies)
    request(live_server.url, "GET", reverse("playground"), cookies)  # a CSRF cookie
    token = {"csrfmiddlewaretoken": cookies[settings.CSRF_COOKIE_NAME]}

    def add(number):
        path = reverse("add_to_cart", args=[f"item-{number}"])
        return request(live_server.url, "POST", path, dict(cookies), token)

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(add, range(50)))

    assert statuses == [302] * 50
    expected = {f"item-{number}": 1 for number in range(50)}
    assert stored_cart(cookies[settings.SESSION_COOKIE_NAME]) == expected
