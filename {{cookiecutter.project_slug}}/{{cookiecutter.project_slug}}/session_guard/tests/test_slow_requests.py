"""Slow and forged requests hold no session's lock, under gunicorn as deployed."""

import threading
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse

from ...testing import http_request, status_line_for

# The server must see what the test writes, and the test what the server writes.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.serving]

# Seconds between the bytes of a slow request's body.
BYTE_PAUSE = 0.03


def send_slowly(site, path, cookies, body):
    """POST body one byte at a time; return the status line."""
    payload = urlencode(body).encode()
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    head = (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(payload)}\r\nCookie: {cookie}\r\n\r\n"
    )
    return status_line_for(site, head, payload, pause=BYTE_PAUSE)


def test_slow_forged_and_made_up_requests_do_not_hold_up_a_visitor(gunicorn):
    visitor = {}
    http_request(gunicorn, "GET", reverse("sessions_demo:playground"), visitor)
    token = visitor[settings.CSRF_COOKIE_NAME]
    add = reverse("cart:add", args=["tea"])
    tea = http_request(gunicorn, "POST", add, visitor, {"csrfmiddlewaretoken": token})
    assert tea == 302
    session = settings.SESSION_COOKIE_NAME
    # Forged: the visitor's cookies, as another site's form sends them, without
    # the token. Made up: a session key nobody has, with a token of their own.
    forged = dict(visitor)
    made_up = {session: "madeup" + "0" * 26, settings.CSRF_COOKIE_NAME: token}
    slow_requests = [
        (forged, {"csrfmiddlewaretoken": "x" * len(token)}),
        (forged, {"csrfmiddlewaretoken": "y" * len(token)}),
        (made_up, {"csrfmiddlewaretoken": token}),
        (made_up, {"csrfmiddlewaretoken": token}),
    ]
    statuses = []
    senders = [
        threading.Thread(
            target=lambda c=cookies, b=body: statuses.append(
                send_slowly(gunicorn, add, c, b)
            )
        )
        for cookies, body in slow_requests
    ]
    for sender in senders:
        sender.start()
    time.sleep(5 * BYTE_PAUSE)  # the slow requests are under way

    for item in ["cake", "pie", "jam"]:
        path = reverse("cart:add", args=[item])
        status = http_request(
            gunicorn, "POST", path, visitor, {"csrfmiddlewaretoken": token}
        )
        assert status == 302
    # The visitor's changes all went through while the slow requests still trickle.
    still_sending = sum(sender.is_alive() for sender in senders)
    for sender in senders:
        sender.join()

    assert still_sending == len(senders)
    assert sorted(status.split()[1] for status in statuses) == [
        "302", "302", "403", "403",
    ]  # fmt: skip
