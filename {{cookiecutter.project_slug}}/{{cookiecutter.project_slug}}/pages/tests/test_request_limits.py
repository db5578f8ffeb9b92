"""Big bodies are refused at once, whatever their kind; gunicorn's limits hold."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from ...testing import DEMO_PASSWORD, status_line_for

TEN_MB = 10 * 1024 * 1024
BOUNDARY = "limit-test"


def multipart(headers, content):
    return (
        f"multipart/form-data; boundary={BOUNDARY}",
        f"--{BOUNDARY}\r\n{headers}\r\n\r\n{content}\r\n--{BOUNDARY}--\r\n".encode(),
    )


SIGN_IN = f"username=demo&password={DEMO_PASSWORD}".replace(" ", "+").encode()
# kind: (Content-Type, body)
BODIES = {
    "form": ("application/x-www-form-urlencoded", SIGN_IN + b"&note=" + b"x" * TEN_MB),
    "multipart-file": multipart(
        'Content-Disposition: form-data; name="upload"; filename="big.bin"',
        "x" * TEN_MB,
    ),
    "multipart-field": multipart(
        'Content-Disposition: form-data; name="note"', "x" * TEN_MB
    ),
    "json": ("application/json", b'{"note": "' + b"x" * TEN_MB + b'"}'),
    "text": ("text/plain", b"x" * TEN_MB),
}


def post(client, token, content_type, body):
    return client.generic(
        "POST",
        reverse("login"),
        body,
        content_type=content_type,
        headers={"X-CSRFToken": token},
    )


@pytest.mark.parametrize("kind", BODIES)
def test_a_ten_megabyte_body_of_any_kind_is_refused(
    csrf_client, csrf_token, demo_user, kind
):
    response = post(csrf_client, csrf_token, *BODIES[kind])

    assert response.status_code == 400
    assert "_auth_user_id" not in csrf_client.session


def test_a_multipart_body_may_hold_no_file(csrf_client, csrf_token, demo_user):
    content_type, body = multipart(
        'Content-Disposition: form-data; name="upload"; filename="small.txt"', "x"
    )

    assert post(csrf_client, csrf_token, content_type, body).status_code == 400
    assert "_auth_user_id" not in csrf_client.session


def serving_settings(**environment):
    """Return gunicorn's settings as `gunicorn config.wsgi` here resolves them."""
    result = subprocess.run(  # noqa: S603 (this interpreter, its own server)
        [sys.executable, "-m", "gunicorn", "--print-config", "config.wsgi"],
        cwd=settings.BASE_DIR,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = (line.partition("=") for line in result.stdout.splitlines())
    return {key.strip(): value.strip() for key, _, value in lines}


@pytest.mark.serving
def test_gunicorn_refuses_big_bodies_long_request_lines_and_many_headers(gunicorn):
    serving = serving_settings()
    path = "/" + "x" * int(serving["limit_request_line"])
    headers = "".join(
        f"X-Filler-{number}: x\r\n"
        for number in range(int(serving["limit_request_fields"]))
    )
    too_big = [
        (
            "POST /accounts/login/ HTTP/1.1\r\nHost: localhost\r\n"
            f"Connection: close\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {TEN_MB}\r\n\r\n"
        )
        for content_type, _ in BODIES.values()
    ]

    # Not a byte of a body goes out, and the answer comes.
    for head in too_big:
        assert status_line_for(gunicorn, head).startswith("HTTP/1.1 400"), head
    for head in [
        f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        f"GET / HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n",
    ]:
        assert status_line_for(gunicorn, head).startswith("HTTP/1.1 4"), head[:40]


@pytest.mark.serving
def test_gunicorn_takes_workers_and_threads_from_the_environment():
    serving = serving_settings(WEB_CONCURRENCY="3", GUNICORN_THREADS="5")

    assert (serving["workers"], serving["threads"]) == ("3", "5")
