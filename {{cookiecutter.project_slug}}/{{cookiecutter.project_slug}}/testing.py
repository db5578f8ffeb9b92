"""What the test suites share: a visitor's session cookie, store and cart."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from importlib import import_module
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import connection
from django.test import Client

DEMO_PASSWORD = "correct horse battery 42"
# The URL names of the site's own pages that a visitor opens with a GET.
OWN_PAGES = [
    "pages:home",
    "sessions_demo:set_session",
    "sessions_demo:get_session",
    "sessions_demo:playground",
    "cart:detail",
]


def session_store(session_key=None):
    """Return a SessionStore of the engine in force, for session_key or a new one."""
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def session_cookie(holder):
    """Return the session cookie (a Morsel) of a test client or a response."""
    return holder.cookies[settings.SESSION_COOKIE_NAME]


def visitor_with_cookie(value):
    """Return a test client that sends this session cookie, as a browser would."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    return client


def cart_of(client):
    """Return the cart {item: quantity} in a test client's session."""
    return client.session.get("cart", {})


def stored_cart(session_key):
    """Return the cart of a session as the store holds it, read afresh."""
    return session_store(session_key).load().get("cart", {})


def http_request(site, method, path, cookies, body=None):
    """Send one request over a socket of its own, as a browser's tabs do.

    Return the status; cookies (a dict) takes the cookies the response sets.
    """
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


@contextmanager
def served_by_gunicorn(folder):
    """Serve the project with gunicorn on this test's database and cache; yield its URL.

    One worker with threads, as a small deployment runs, and gunicorn.conf.py's
    limits. folder takes the settings module that points it to the test's database.
    """
    (folder / "served_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\n"
        f"DATABASES['default']['NAME'] = {str(connection.settings_dict['NAME'])!r}\n"
        f"CACHES = {settings.CACHES!r}\n"
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # This interpreter, the project's own server and arguments.
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers=1", "--threads=8"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "PYTHONPATH": str(folder),
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


def status_line_for(site, head, body=b"", pause=0):
    """Send a raw request (body a byte at a time, pause seconds apart if pause).

    Return the status line of the answer, such as "HTTP/1.1 400 Bad Request".
    """
    port = int(site.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
        client.sendall(head.encode())
        if pause:
            for byte in body:
                client.sendall(bytes([byte]))
                time.sleep(pause)
        else:
            client.sendall(body)
        return client.recv(1024).split(b"\r\n")[0].decode()
