"""What the test suites share: a visitor's session cookie, store and cart.

The session helpers come from session_guard's own (session_guard/testing.py).
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

from .session_guard.testing import (  # noqa: F401  (for the project's tests)
    http_request,
    session_cookie,
    session_store,
    stored_data,
    visitor_with_cookie,
)

DEMO_PASSWORD = "correct horse battery 42"
# The URL names of the site's own pages that a visitor opens with a GET.
OWN_PAGES = [
    "pages:home",
    "sessions_demo:set_session",
    "sessions_demo:get_session",
    "sessions_demo:playground",
    "cart:detail",
]


def cart_of(client):
    """Return the cart {item: quantity} in a test client's session."""
    return client.session.get("cart", {})


def stored_cart(session_key):
    """Return the cart of a session as the store holds it, read afresh."""
    return stored_data(session_key).get("cart", {})


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
