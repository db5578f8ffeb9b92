"""What the test suites share: a visitor's session cookie and store, the site's pages.

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
from pytest_django.asserts import assertContains

from .session_guard.testing import (  # noqa: F401  (for the project's tests)
    http_request,
    session_cookie,
    session_store,
    stored_data,
    visitor_with_cookie,
)

DEMO_PASSWORD = "correct horse battery 42"
# The URL names of the pages every project has, which a visitor opens with a GET. Each
# demo app's tests check their own pages with assert_site_page too.
SITE_PAGES = ["pages:home", "login", "password_reset", "password_reset_done"]
# What every page in the site's layout holds, the error pages included.
LAYOUT = '<header class="site-header">'
# What any Content-Security-Policy of this site keeps, whatever else is added.
REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_of(response):
    """Return the response's Content-Security-Policy as {directive: sources}."""
    header = response["Content-Security-Policy"]
    parts = (part.strip().partition(" ") for part in header.split(";"))
    return {name: sources for name, _, sources in parts if name}


def assert_site_page(response):
    """Fail unless the response is a page of the site's own.

    A document in the site's layout, with an icon and a description, under a strict
    Content-Security-Policy, and private to the visitor whose session it read.
    """
    assert response.status_code == 200, response
    page = response.content.decode()
    assert page.startswith("<!DOCTYPE html>")
    assert LAYOUT in page
    assert '<link rel="icon" href="/static/favicon.svg"' in page
    assert '<meta name="description" content="' in page
    policy = policy_of(response)
    assert REQUIRED_DIRECTIVES.items() <= policy.items()
    for sources in policy.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources
    assert "private" in response["Cache-Control"]


def assert_site_page_signed_out_and_in(client, sign_in, url):
    """Fail unless url is a page of the site's own, whose header names who signed in."""
    assert_site_page(client.get(url))

    sign_in(client)

    assertContains(client.get(url), "Signed in as <strong>demo</strong>", html=True)


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
