"""The cart pages: GET asks, POST changes, bad input gets a 400."""

import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed

from ...testing import assert_site_page_signed_out_and_in
from ..forms import AddToCartForm
from ..views import SUGGESTIONS
from . import cart_of

ADD_URL = reverse("cart:add", args=["awesome-item"])
CART_URL = reverse("cart:detail")


def test_get_asks_before_adding(client):
    response = client.get(ADD_URL)

    assertTemplateUsed(response, "cart/add_to_cart.html")
    assertContains(response, f'<form method="post" action="{ADD_URL}">')
    assert cart_of(client) == {}


def test_post_adds_and_goes_to_the_cart(client):
    response = client.post(ADD_URL, follow=True)

    assertRedirects(response, CART_URL)
    assertContains(response, "Added awesome-item to your cart.")
    assert cart_of(client) == {"awesome-item": 1}


def test_quantities_add_up(client):
    client.post(ADD_URL)
    client.post(ADD_URL, {"quantity": "3"})

    assert cart_of(client) == {"awesome-item": 4}


def test_cart_lists_each_item_with_its_quantity(client):
    client.post(ADD_URL, {"quantity": "2"})
    client.post(reverse("cart:add", args=["tea"]))

    response = client.get(CART_URL)

    assertTemplateUsed(response, "cart/cart.html")
    lines = re.findall(
        r'<li>\s*<span class="item">(.+?)</span>\s*'
        r'<span class="quantity">.*?× (\d+)</span>',
        response.content.decode(),
    )
    assert lines == [("awesome-item", "2"), ("tea", "1")]


def test_an_empty_cart_says_so(client):
    assertContains(client.get(CART_URL), "Your cart is empty.")


def test_remove_takes_an_item_out(client):
    client.post(ADD_URL)
    client.post(reverse("cart:add", args=["tea"]))

    response = client.post(reverse("cart:remove", args=["awesome-item"]), follow=True)

    assertRedirects(response, CART_URL)
    assertContains(response, "Removed awesome-item from your cart.")
    assert cart_of(client) == {"tea": 1}


def test_remove_of_an_item_not_in_the_cart_says_so(client):
    response = client.post(reverse("cart:remove", args=["tea"]), follow=True)

    assertContains(response, "tea was not in your cart.")


def test_clear_empties_the_cart(client):
    client.post(ADD_URL)

    response = client.post(reverse("cart:clear"), follow=True)

    assertContains(response, '<li class="message success">Your cart is empty.</li>')
    assertContains(response, '<p class="empty">Your cart is empty.</p>')
    assert cart_of(client) == {}


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
    assert cart_of(client) == {}


@BAD_NAMES
def test_bad_item_names_get_a_400_on_remove(client, name):
    client.post(ADD_URL)

    response = client.post(f"/cart/remove/{quote(name)}/")

    assert response.status_code == 400
    assert cart_of(client) == {"awesome-item": 1}


@pytest.mark.parametrize("quantity", ["0", "-1", "100", "many", "1.5"])
def test_bad_quantities_get_a_400(client, quantity):
    response = client.post(ADD_URL, {"quantity": quantity})

    assert response.status_code == 400
    assert cart_of(client) == {}


def test_a_full_line_gets_a_400_and_keeps_the_cart(client):
    most = settings.CART_MAX_QUANTITY
    client.post(ADD_URL, {"quantity": str(most)})

    response = client.post(ADD_URL)

    assertContains(response, f"1 to {most} of each item", status_code=400)
    assert cart_of(client) == {"awesome-item": most}


POST_ONLY = pytest.mark.parametrize(
    "url",
    [
        ADD_URL,
        reverse("cart:remove", args=["awesome-item"]),
        reverse("cart:clear"),
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
        reverse("cart:remove", args=["awesome-item"]),
        reverse("cart:clear"),
    ],
    ids=["remove", "clear"],
)
def test_post_only_urls_refuse_get(client, url):
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_add_to_cart_refuses_other_methods(client, method):
    assert getattr(client, method)(ADD_URL).status_code == 405


def test_cart_page_refuses_post(client):
    assert client.post(CART_URL).status_code == 405


def test_a_one_letter_item_can_be_added(client):
    client.post(reverse("cart:add", args=["x"]))

    assert cart_of(client) == {"x": 1}


def test_the_quantity_field_starts_at_1_within_the_limits(client):
    response = client.get(ADD_URL)

    assertContains(response, '<label for="id_quantity">Quantity:</label>', html=True)
    assertContains(
        response,
        '<input type="number" name="quantity" value="1" min="1" '
        f'max="{settings.CART_MAX_QUANTITY}" id="id_quantity">',
        html=True,
    )


def test_the_add_form_passes_its_options_on_to_django():
    form = AddToCartForm({"line-quantity": "2"}, prefix="line")

    assert form.is_valid()
    assert form.cleaned_data["quantity"] == 2


def test_an_empty_cart_suggests_items_to_add(client):
    response = client.get(reverse("cart:detail"))

    for item in SUGGESTIONS:
        assertContains(response, f'href="{reverse("cart:add", args=[item])}"')


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", f"/add_to_cart/{quote('two words')}/"),
        ("post", f"/cart/remove/{quote('two words')}/"),
    ],
    ids=["add", "remove"],
)
def test_a_bad_item_name_page_says_why_to_the_signed_in_visitor(
    client, sign_in, method, url
):
    sign_in(client)

    response = getattr(client, method)(url)

    assertContains(response, "Item names are", status_code=400)
    assertContains(
        response, "Signed in as <strong>demo</strong>", html=True, status_code=400
    )


@pytest.mark.parametrize(
    "quantity, status", [(None, 200), ("0", 400)], ids=["ask", "bad-quantity"]
)
def test_the_add_form_carries_its_csrf_token(client, quantity, status):
    if quantity is None:
        response = client.get(ADD_URL)
    else:
        response = client.post(ADD_URL, {"quantity": quantity})

    assertContains(response, 'name="csrfmiddlewaretoken"', status_code=status)


@pytest.mark.parametrize("page", ["pages:home", "login"])
def test_the_home_page_and_the_navigation_link_to_the_cart(client, page):
    response = client.get(reverse(page))

    assertContains(response, f'href="{reverse("cart:detail")}"')


@pytest.mark.parametrize(
    "url", [reverse("cart:detail"), reverse("cart:add", args=["tea"])]
)
def test_every_cart_page_is_the_sites_own(client, sign_in, url):
    assert_site_page_signed_out_and_in(client, sign_in, url)
