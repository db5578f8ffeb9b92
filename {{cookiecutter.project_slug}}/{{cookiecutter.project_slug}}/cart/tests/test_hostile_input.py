"""Whatever a visitor sends to the cart: never a server error, and nothing lost."""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from . import cart_of

TRICKY_NAMES = [
    "",
    "x" * 10_000,
    "tea\x00",
    "tea\r\nSet-Cookie: stolen=1",
    "\u202etea",  # right-to-left override
    "شاي",
    "🍵",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "..",
    "tea/cake",
    "tea?x=1",
    "tea#top",
    "%00",
    "%2e%2e%2f",
    "ｔｅａ",
]
names = st.one_of(st.sampled_from(TRICKY_NAMES), st.text(max_size=200))
# As a browser would encode them, and raw, for percent-encoded tricks.
paths = names.flatmap(
    lambda name: st.sampled_from([quote(name, safe=""), quote(name, safe="%/")])
)
quantities = st.one_of(
    st.integers(),
    st.floats().map(str),
    st.text(max_size=30),
    st.sampled_from(["", "0", "-1", "99", "100", "1e3", "0x10", "٣"]),
)


KEPT = "kept-item"


def visitor_with_kept_item():
    """Return a visitor with one item in the cart, which nothing below may lose."""
    client = Client()
    client.post(reverse("cart:add", args=[KEPT]))
    return client


@given(path=paths)
def test_any_item_name_gets_an_answer_and_loses_nothing(path):
    assume(path != KEPT)
    client = visitor_with_kept_item()
    url = f"/add_to_cart/{path}/"

    confirm = client.get(url)
    added = client.post(url)
    removed = client.post(f"/cart/remove/{path}/")

    assert confirm.status_code in {200, 400, 404}
    assert added.status_code in {302, 400, 404}
    assert removed.status_code in {302, 400, 404}
    assert cart_of(client).get(KEPT) == 1
    assert len(cart_of(client)) <= 2


@given(quantity=quantities)
def test_any_quantity_gets_an_answer_and_loses_nothing(quantity):
    client = visitor_with_kept_item()

    response = client.post(reverse("cart:add", args=[KEPT]), {"quantity": quantity})

    assert response.status_code in {302, 400}
    assert set(cart_of(client)) == {KEPT}
    if response.status_code == 302:
        # Some whole number of items was added, and the cart stays within its limit.
        assert 2 <= cart_of(client)[KEPT] <= settings.CART_MAX_QUANTITY
    else:
        assert cart_of(client) == {KEPT: 1}


@pytest.mark.parametrize(
    "quantity, added",
    [("", 1), ("1", 1), (" 7 ", 7), ("98", 98), ("٣", 3)],
    ids=["empty", "one", "spaces", "most", "arabic-digit"],
)
def test_a_quantity_is_read_as_a_whole_number(quantity, added):
    client = visitor_with_kept_item()

    client.post(reverse("cart:add", args=[KEPT]), {"quantity": quantity})

    assert cart_of(client) == {KEPT: 1 + added}


@given(token=st.text(max_size=100))
def test_a_wrong_csrf_token_changes_nothing(token):
    client = visitor_with_kept_item()
    client.handler.enforce_csrf_checks = True

    for url in [
        reverse("cart:add", args=["cake"]),
        reverse("cart:remove", args=[KEPT]),
        reverse("cart:clear"),
    ]:
        assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 403
    assert cart_of(client) == {KEPT: 1}
