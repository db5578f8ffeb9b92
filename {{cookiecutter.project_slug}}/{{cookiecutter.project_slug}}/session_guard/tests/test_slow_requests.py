"""Slow and forged requests hold no session's lock, against a live server."""

import socket
import threading
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from ..conf import guard_settings
from ..testing import http_request

# The server must see what the test writes, and the test what the server writes.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.serving,
    pytest.mark.skipif(not guard_settings.LOCK, reason="SESSION_GUARD_LOCK is off"),
]

# Seconds between the bytes of a slow request's body.
BYTE_PAUSE = 0.03


def send_slowly(site, path, cookies, body):
    """POST body one byte at a time; return the status line of the answer."""
    payload = urlencode(body).encode()
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    head = (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(payload)}\r\nCookie: {cookie}\r\n\r\n"
    )
    address = urlsplit(site)
    with socket.create_connection((address.hostname, address.port), timeout=30) as out:
        out.sendall(head.encode())
        for byte in payload:
            out.sendall(bytes([byte]))
            time.sleep(BYTE_PAUSE)
        return out.recv(1024).split(b"\r\n")[0].decode()


def test_slow_forged_and_made_up_requests_do_not_hold_up_a_visitor(live_server):
    site = live_server.url
    visitor = {}
    http_request(site, "GET", reverse("login"), visitor)  # for a CSRF cookie
    token = visitor[settings.CSRF_COOKIE_NAME]
    add = reverse("tests:add")
    assert http_request(site, "POST", add, visitor, {"item": "0"}) == 403
    assert http_request(
        site, "POST", add, visitor, {"item": "0", "csrfmiddlewaretoken": token}
    ) == 204  # fmt: skip
    session = settings.SESSION_COOKIE_NAME
    # Forged: the visitor's cookies, as another site's form sends them, without
    # the token. Made up: a session key nobody has, with a token of their own.
    forged = dict(visitor)
    made_up = {session: "madeup" + "0" * 26, settings.CSRF_COOKIE_NAME: token}
    slow_requests = [
        (forged, {"item": "x", "csrfmiddlewaretoken": "x" * len(token)}),
        (forged, {"item": "y", "csrfmiddlewaretoken": "y" * len(token)}),
        (made_up, {"item": "z", "csrfmiddlewaretoken": token}),
        (made_up, {"item": "z", "csrfmiddlewaretoken": token}),
    ]
    statuses = []
    senders = [
        threading.Thread(
            target=lambda c=cookies, b=body: statuses.append(
                send_slowly(site, add, c, b)
            )
        )
        for cookies, body in slow_requests
    ]
    for sender in senders:
        sender.start()
    time.sleep(5 * BYTE_PAUSE)  # the slow requests are under way

    for item in ["1", "2", "3"]:
        body = {"item": item, "csrfmiddlewaretoken": token}
        assert http_request(site, "POST", add, visitor, body) == 204
    # The visitor's changes all went through while the slow requests still trickle.
    still_sending = sum(sender.is_alive() for sender in senders)
    for sender in senders:
        sender.join()

    assert still_sending == len(senders)
    assert sorted(status.split()[1] for status in statuses) == [
        "204", "204", "403", "403",
    ]  # fmt: skip
