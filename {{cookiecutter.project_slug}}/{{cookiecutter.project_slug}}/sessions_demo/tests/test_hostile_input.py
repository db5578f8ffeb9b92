"""Hostile requests to every page: no server error, and no session is harmed."""

import string

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ...testing import session_cookie, visitor_with_cookie
from ..forms import ACTIONS
from . import PAGES

COOKIE_CHARACTERS = string.ascii_letters + string.digits + "-_:.=+/"
POST_ONLY = [f"sessions_demo:session_{action}" for action in ACTIONS]


def real_session_cookie():
    client = Client()
    client.get(reverse("sessions_demo:set_session"))
    return session_cookie(client).value


@given(value=st.text(alphabet=COOKIE_CHARACTERS, max_size=300))
def test_a_made_up_session_cookie_gets_a_new_empty_session(value):
    client = visitor_with_cookie(value)

    page = client.get(reverse("sessions_demo:playground"))
    stored = client.post(
        reverse("sessions_demo:session_set"), {"key": "colour", "value": "blue"}
    )

    assert page.status_code == 200
    assert page.context["data"] == []
    assert stored.status_code == 302
    assert session_cookie(client).value != value
    own_data = {k: v for k, v in client.session.items() if not k.startswith("_")}
    assert own_data == {"colour": "blue"}


@given(
    cut=st.integers(min_value=0, max_value=200), junk=st.sampled_from(["", "x", "0"])
)
def test_a_truncated_or_tampered_session_cookie_gets_an_empty_session(cut, junk):
    real = real_session_cookie()
    tampered = real[: cut % len(real)] + junk
    if tampered == real:
        return

    page = visitor_with_cookie(tampered).get(reverse("sessions_demo:playground"))

    assert page.status_code == 200
    assert page.context["data"] == []


@given(
    key=st.text(max_size=100),
    value=st.text(max_size=400),
    seconds=st.text(max_size=20),
)
def test_any_playground_input_gets_an_answer(key, value, seconds):
    client = Client()

    statuses = [
        client.post(
            reverse("sessions_demo:session_set"), {"key": key, "value": value}
        ).status_code,
        client.post(reverse("sessions_demo:session_pop"), {"key": key}).status_code,
        client.post(
            reverse("sessions_demo:session_set_expiry"), {"seconds": seconds}
        ).status_code,
    ]

    assert set(statuses) <= {302, 400}
    assert client.get(reverse("sessions_demo:playground")).status_code == 200


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("method", ["put", "patch", "delete", "trace"])
def test_pages_refuse_methods_they_do_not_take(client, name, method):
    assert getattr(client, method)(reverse(name)).status_code == 405


@pytest.mark.parametrize("name", POST_ONLY)
def test_post_only_pages_refuse_get(client, name):
    assert client.get(reverse(name)).status_code == 405


def test_an_oversized_body_is_refused(client):
    body = {"key": "colour", "value": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}

    assert client.post(reverse("sessions_demo:session_set"), body).status_code == 400


def test_too_many_fields_are_refused(client):
    fields = {f"field{number}": "x" for number in range(2000)}

    assert client.post(reverse("sessions_demo:session_set"), fields).status_code == 400
