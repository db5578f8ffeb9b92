"""The server alone decides what a session cookie is worth.

A key the store never gave out, or a signed cookie changed by one character, is an
empty, anonymous session; every key given out is random, unique and long.
"""

import math
import string

import pytest
from django.test import Client
from django.urls import reverse

from ..stores import keeps_sessions_on_the_server
from ..testing import session_cookie, visitor_with_cookie
from . import is_signed_in


def a_new_session():
    client = Client()
    client.post(reverse("tests:note"), {"note": "tea"})
    return session_cookie(client).value


def test_a_made_up_cookie_is_an_empty_anonymous_session():
    visitor = visitor_with_cookie("madeup" + "0" * 26)

    assert visitor.get(reverse("tests:data")).json() == {}
    assert not is_signed_in(visitor)


def test_a_cookie_changed_by_one_character_is_worth_nothing(signed_in):
    value = session_cookie(signed_in()).value
    changed = value[:-1] + ("a" if value[-1] != "a" else "b")

    visitor = visitor_with_cookie(changed)

    assert not is_signed_in(visitor)
    assert visitor.get(reverse("tests:data")).json() == {}


@pytest.mark.skipif(
    not keeps_sessions_on_the_server(),
    reason="a signed cookie carries its data, signed with SECRET_KEY, not a key",
)
def test_session_keys_are_unique_and_carry_at_least_128_random_bits():
    keys = {a_new_session() for _ in range(20)}
    alphabet = string.ascii_lowercase + string.digits  # Django's VALID_KEY_CHARS

    assert len(keys) == 20
    for key in keys:
        assert set(key) <= set(alphabet)
        assert len(key) * math.log2(len(alphabet)) >= 128
