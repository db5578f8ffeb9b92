"""What signed-cookie sessions cannot do, shown as it is.

The session lives in the browser's cookie: the server cannot make two requests take
turns, and it cannot retire a cookie someone copied. What it can do is refuse changes
that would make the cookie too big for browsers to keep.
"""

import secrets

from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import Client, override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains


def cart_in(cookie_value):
    return SessionStore(cookie_value).load().get("cart", {})


def cookie_of(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_of_two_changes_at_once_the_last_answer_wins(client):
    client.post(reverse("add_to_cart", args=["tea"]))
    # A second tab that sent the same cookie before the first got its answer.
    other_tab = Client()
    other_tab.cookies[settings.SESSION_COOKIE_NAME] = cookie_of(client)

    client.post(reverse("add_to_cart", args=["cake"]))
    other_tab.post(reverse("add_to_cart", args=["pie"]))

    # The browser keeps whichever cookie arrives last: the cake is gone.
    assert cart_in(cookie_of(other_tab)) == {"tea": 1, "pie": 1}


def test_a_copied_cookie_outlives_signing_out(client, django_user_model):
    django_user_model.objects.create_user("demo", password="correct horse 42")
    client.post(reverse("login"), {"username": "demo", "password": "correct horse 42"})
    copied = cookie_of(client)

    client.post(reverse("logout"))

    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = copied
    assertContains(thief.get(reverse("playground")), "Signed in as")


def cookie_size(client):
    return len(settings.SESSION_COOKIE_NAME) + len(cookie_of(client))


@override_settings(SESSION_COOKIE_MAX_BYTES=1024)
def test_a_cart_that_would_overflow_the_cookie_is_refused(client):
    # Random names, which compression cannot shrink much.
    names = [secrets.token_urlsafe(30) for _ in range(settings.CART_MAX_ITEMS)]
    responses = [client.post(reverse("add_to_cart", args=[name])) for name in names]

    refused = [response for response in responses if response.status_code == 400]
    assert refused, "the cart never grew past 1024 bytes"
    assertContains(refused[0], "browsers drop cookies over 1024", status_code=400)
    assert cookie_size(client) <= 1024


def test_playground_values_that_would_overflow_the_cookie_are_refused(client):
    statuses = set()
    for number in range(30):
        value = secrets.token_urlsafe(150)[:200]
        response = client.post(
            reverse("session_set"), {"key": f"key-{number}", "value": value}
        )
        statuses.add(response.status_code)
        assert cookie_size(client) <= 4096

    assert statuses == {302, 400}
