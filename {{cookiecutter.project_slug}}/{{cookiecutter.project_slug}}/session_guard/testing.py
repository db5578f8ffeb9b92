"""What tests of sessions need: a visitor's cookie and store, a browser's request."""

from http.client import HTTPConnection
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.test import Client

from .stores import session_store_class


def session_store(session_key=None):
    """Return a SessionStore of the engine in force, for session_key or a new one."""
    return session_store_class()(session_key)


def session_cookie(holder):
    """Return the session cookie (a Morsel) of a test client or a response."""
    return holder.cookies[settings.SESSION_COOKIE_NAME]


def visitor_with_cookie(value):
    """Return a test client that sends this session cookie, as a browser would."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    return client


def stored_data(session_key):
    """Return what the store holds for a session, read afresh."""
    return session_store(session_key).load()


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
