"""What the test suites share: a visitor's session cookie, store and cart."""

from http.client import HTTPConnection
from http.cookies import SimpleCookie
from importlib import import_module
from urllib.parse import urlencode, urlsplit

from django.conf import settings
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
