"""The cart, clicked through in Chromium, and each of its pages read well."""

import pytest
from playwright.sync_api import expect

from ...e2e.steps import sign_in, visit

pytestmark = pytest.mark.e2e


def add_to_cart(page, site, item, quantity=None):
    """Open an item's confirm page and press "Add to cart", with a quantity or not."""
    page.goto(f"{site}/add_to_cart/{item}/")
    if quantity is not None:
        page.get_by_label("Quantity").fill(str(quantity))
    page.get_by_role("button", name="Add to cart").click()


def expect_cart(page, items):
    expect(page.locator(".cart .item")).to_have_text(list(items))
    expect(page.locator(".cart .quantity")).to_have_text(
        [f"quantity × {quantity}" for quantity in items.values()]
    )


def test_cart_survives_reloads_and_new_pages(page, context, site):
    for item in ["awesome-item", "tea", "tea", "cake"]:
        add_to_cart(page, site, item)
        expect(page).to_have_url(f"{site}/cart/")
    page.get_by_role("button", name="Remove cake").click()
    expect(page.get_by_role("status")).to_have_text("Removed cake from your cart.")

    page.reload()
    expect_cart(page, {"awesome-item": 1, "tea": 2})
    page.close()

    another_page = context.new_page()
    another_page.goto(f"{site}/cart/")
    expect_cart(another_page, {"awesome-item": 1, "tea": 2})


def test_emptying_the_cart(page, site):
    add_to_cart(page, site, "tea")

    page.get_by_role("button", name="Empty the cart").click()

    expect(page.get_by_role("status")).to_have_text("Your cart is empty.")
    expect(page.locator("p.empty")).to_have_text("Your cart is empty.")


def test_signing_in_keeps_the_cart_and_signing_out_empties_it(page, site, demo_user):
    add_to_cart(page, site, "tea")
    sign_in(page, site)
    expect(page.get_by_role("status")).to_have_text("Signed in as demo.")

    page.goto(f"{site}/cart/")
    expect_cart(page, {"tea": 1})

    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("status")).to_have_text(
        "Signed out: the session and its data are gone."
    )
    page.goto(f"{site}/cart/")
    expect(page.locator("p.empty")).to_have_text("Your cart is empty.")


def full_line(page, site):
    add_to_cart(page, site, "tea", 99)
    add_to_cart(page, site, "tea")


# Each state of the cart's pages: how a visitor gets there.
STATES = {
    "cart-empty": visit("/cart/"),
    "cart-after-adding": lambda page, site: add_to_cart(page, site, "tea", 2),
    "add-to-cart": visit("/add_to_cart/cake/"),
    "add-to-cart-refused": full_line,
    "bad-item-name": visit("/add_to_cart/two%20words/"),
}


@pytest.mark.parametrize("state", STATES)
def test_page_reads_well(page, site, assert_reads_well, state):
    STATES[state](page, site)

    assert_reads_well(page, state)


def test_the_quantity_field_is_as_wide_as_a_number(page, site):
    page.goto(f"{site}/add_to_cart/tea/")

    box = page.get_by_label("Quantity").bounding_box()

    assert box["width"] <= 160
