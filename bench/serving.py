"""Serve a baked project for load: production settings, minus what load cannot pass.

Into its copy of the project, the harness writes config/settings/bench.py, which
leaves out the redirect to HTTPS (wrk speaks plain http to the app server, as a TLS
proxy would) and the cart's limits (the load adds to carts for many seconds), and a
ceiling view that touches no session: the whole stack's ceiling.
"""

import contextlib

from harness.baking import prepare_for_production
from harness.servers import CSRF_TOKEN, CookieClient, gunicorn

BENCH_SETTINGS = """from .production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
SECURE_SSL_REDIRECT = False
CART_MAX_QUANTITY = 10**9
"""
BENCH_URLS = """from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/ceiling/", ceiling), path("", include("config.urls"))]
"""
VISITORS = 4
BENCH_USER = {"username": "bench", "password": "a bench horse battery 46"}
CREATE_BENCH_USER = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_user(**{BENCH_USER!r})
"""


@contextlib.contextmanager
def served(project, log):
    """The project under gunicorn (2 workers) while the block runs: (server, its
    environment)."""
    (project.path / "config" / "settings" / "bench.py").write_text(BENCH_SETTINGS)
    (project.path / "config" / "bench_urls.py").write_text(BENCH_URLS)
    environment, clean_up = prepare_for_production(
        project, DJANGO_SETTINGS_MODULE="config.settings.bench"
    )
    try:
        with gunicorn(project, log, **environment) as server:
            yield server, environment
    finally:
        clean_up()


def cookie_header(client):
    return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


def as_visitor(client, server_url):
    """(Cookie header, CSRF token) of a client, for wrk to send."""
    token = CSRF_TOKEN.search(client.get(f"{server_url}/session/").text)[1]
    return cookie_header(client), token


def visitors_with_carts(server_url, items=10, count=VISITORS):
    """(Cookie header, CSRF token) of visitors who each have `items` in the cart."""
    visitors = []
    for _ in range(count):
        client = CookieClient()
        client.get(f"{server_url}/set_session/")
        for number in range(items):
            client.submit(f"{server_url}/add_to_cart/item-{number}/")
        visitors.append(as_visitor(client, server_url))
    return visitors


def create_bench_user(project, environment):
    """Make the account that signed_in_visitors sign in to."""
    project.manage("shell", "-c", CREATE_BENCH_USER, **environment)


def signed_in_visitors(server_url, count=VISITORS):
    """(Cookie header, CSRF token) of visitors each signed in to the bench account in
    a session of their own."""
    visitors = []
    for _ in range(count):
        client = CookieClient()
        signed_in = client.submit(f"{server_url}/accounts/login/", **BENCH_USER)
        assert signed_in.status_code == 302, signed_in.status_code
        visitors.append(as_visitor(client, server_url))
    return visitors
