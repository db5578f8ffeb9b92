"""Slow and forged requests hold no session's lock, under gunicorn as deployed."""

import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from ...testing import http_request

# The server must see what the test writes, and the test what the server writes.
pytestmark = pytest.mark.django_db(transaction=True)

# Seconds between the bytes of a slow request's body.
BYTE_PAUSE = 0.03


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    """Serve the project with gunicorn, on this test's database and cache.

    One worker with threads, as a small deployment runs: slow requests take threads,
    and the rest must still get through.
    """
    (tmp_path / "served_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\n"
        f"DATABASES['default']['NAME'] = {str(connection.settings_dict['NAME'])!r}\n"
        f"CACHES = {settings.CACHES!r}\n"
    )
    port = free_port()
    # This interpreter, the project's own server and arguments.
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers=1", "--threads=8", "--timeout=30"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "PYTHONPATH": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "served_settings",
        },
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, "gunicorn did not start"
                assert time.monotonic() < deadline, "gunicorn did not answer"
                time.sleep(0.05)
        yield f"http://localhost:{port}"
    finally:
        server.terminate()
        server.wait(10)


def send_slowly(site, path, cookies, body):
    """POST body one byte at a time; return the status line."""
    port = int(site.rsplit(":", 1)[1])
    payload = urlencode(body).encode()
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
        client.sendall(
            f"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(payload)}\r\nCookie: {cookie}\r\n\r\n".encode()
        )
        for byte in payload:
            client.sendall(bytes([byte]))
            time.sleep(BYTE_PAUSE)
        return client.recv(1024).split(b"\r\n")[0].decode()


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
