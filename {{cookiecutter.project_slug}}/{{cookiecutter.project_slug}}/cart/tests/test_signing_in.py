"""Signing in keeps the cart under a new key; signing out empties it."""

from django.urls import reverse

from ...testing import session_cookie
from . import cart_of


def test_signing_in_keeps_the_cart_under_a_new_key(shopper, sign_in):
    key_before = session_cookie(shopper).value

    sign_in(shopper)

    assert session_cookie(shopper).value != key_before
    assert cart_of(shopper) == {"tea": 1}


def test_signing_out_empties_the_cart(shopper, sign_in):
    sign_in(shopper)

    shopper.post(reverse("logout"))

    assert cart_of(shopper) == {}
