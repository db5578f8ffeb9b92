"""The cart pages: GET asks, POST changes, bad input gets a 400."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed

ADD_URL = reverse("add_to_cart", args=["awesome-item"])


def cart_in(client):
    return client.session.get("cart", {})


def test_get_asks_before_adding(client):
    response = client.get(ADD_URL)

    assertTemplateUsed(response, "cart/add_to_cart.html")
    assertContains(response, f'<form method="post" action="{ADD_URL}">')
    assert cart_in(client) == {}


def test_post_adds_and_goes_to_the_cart(client):
    response = client.post(ADD_URL)

    assertRedirects(response, reverse("cart"))
    assert cart_in(client) == {"awesome-item": 1}


def test_quantities_add_up(client):
    client.post(ADD_URL)
    client.post(ADD_URL, {"quantity": "3"})

    assert cart_in(client) == {"awesome-item": 4}


def test_cart_lists_each_item_with_its_quantity(client):
    client.post(ADD_URL, {"quantity": "2"})
    client.post(reverse("add_to_cart", args=["tea"]))

    response = client.get(reverse("cart"))

    assertTemplateUsed(response, "cart/cart.html")
    lines = re.findall(
        r'<li>\s*<span class="item">(.+?)</span>\s*'
        r'<span class="quantity"[^>]*>× (\d+)</span>',
        response.content.decode(),
    )
    assert lines == [("awesome-item", "2"), ("tea", "1")]


def test_an_empty_cart_says_so(client):
    assertContains(client.get(reverse("cart")), "Your cart is empty.")


def test_remove_takes_an_item_out(client):
    client.post(ADD_URL)
    client.post(reverse("add_to_cart", args=["tea"]))

    response = client.post(reverse("remove_from_cart", args=["awesome-item"]))

    assertRedirects(response, reverse("cart"))
    assert cart_in(client) == {"tea": 1}


def test_remove_of_an_item_not_in_the_cart_says_so(client):
    response = client.post(reverse("remove_from_cart", args=["tea"]), follow=True)

    assertContains(response, "tea was not in your cart.")


def test_clear_empties_the_cart(client):
    client.post(ADD_URL)

    response = client.post(reverse("clear_cart"), follow=True)

    assertContains(response, "Your cart is empty.")
    assert cart_in(client) == {}


BAD_NAMES = pytest.mark.parametrize(
    "name",
    ["x" * 65, "two words", "<b>bold", "tea\x00", "..", "a;b"],
    ids=["too-long", "space", "markup", "nul", "dot-dot", "semicolon"],
)


@BAD_NAMES
@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_item_names_get_a_400_on_add(client, name, method):
    response = getattr(client, method)(f"/add_to_cart/{quote(name)}/")

    assertContains(response, "Item names are", status_code=400)
    assert cart_in(client) == {}


@BAD_NAMES
def test_bad_item_names_get_a_400_on_remove(client, name):
    client.post(ADD_URL)

    response = client.post(f"/cart/remove/{quote(name)}/")

    assert response.status_code == 400
    assert cart_in(client) == {"awesome-item": 1}


@pytest.mark.parametrize("quantity", ["0", "-1", "100", "many", "1.5"])
def test_bad_quantities_get_a_400(client, quantity):
    response = client.post(ADD_URL, {"quantity": quantity})

    assert response.status_code == 400
    assert cart_in(client) == {}


def test_a_full_line_gets_a_400_and_keeps_the_cart(client):
    client.post(ADD_URL, {"quantity": "99"})

    response = client.post(ADD_URL)

    assertContains(response, "1 to 99 of each item", status_code=400)
    assert cart_in(client) == {"awesome-item": 99}


POST_ONLY = pytest.mark.parametrize(
    "url",
    [
        ADD_URL,
        reverse("remove_from_cart", args=["awesome-item"]),
        reverse("clear_cart"),
    ],
    ids=["add", "remove", "clear"],
)


@POST_ONLY
def test_changes_need_the_csrf_token(csrf_client, csrf_token, url):
    assert csrf_client.post(url).status_code == 403
    accepted = csrf_client.post(url, {"csrfmiddlewaretoken": csrf_token})
    assert accepted.status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        reverse("remove_from_cart", args=["awesome-item"]),
        reverse("clear_cart"),
    ],
    ids=["remove", "clear"],
)
def test_post_only_urls_refuse_get(client, url):
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_add_to_cart_refuses_other_methods(client, method):
    assert getattr(client, method)(ADD_URL).status_code == 405


def test_cart_page_refuses_post(client):
    assert client.post(reverse("cart")).status_code == 405
