"""The set/get session demo and the cart, clicked through in Chromium."""

import pytest
from playwright.sync_api import expect

from ..testing import DEMO_PASSWORD
from . import steps

pytestmark = pytest.mark.e2e


def add_to_cart(page, site, item):
    steps.add_to_cart(page, site, item)
    expect(page).to_have_url(f"{site}/cart/")


def expect_cart(page, items):
    expect(page.locator(".cart .item")).to_have_text(list(items))
    expect(page.locator(".cart .quantity")).to_have_text(
        [f"quantity × {quantity}" for quantity in items.values()]
    )


def test_set_then_get_session(page, site):
    page.goto(f"{site}/set_session/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Session data set!")

    page.get_by_role("link", name="View session data").click()

    expect(page).to_have_url(f"{site}/get_session/")
    expect(page.get_by_text("Username: john_doe")).to_be_visible()
    expect(page.get_by_text("Logged In: True")).to_be_visible()
    expect(page.locator(".greeting")).to_have_text(
        "Session Value: Hello, Django Sessions!"
    )


def test_cart_survives_reloads_and_new_pages(page, context, site):
    add_to_cart(page, site, "awesome-item")
    add_to_cart(page, site, "tea")
    add_to_cart(page, site, "tea")
    add_to_cart(page, site, "cake")
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


def test_signing_in_and_out_from_the_header(page, site, demo_user):
    add_to_cart(page, site, "tea")
    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Back where the visitor was, signed in, with the cart kept.
    expect(page).to_have_url(f"{site}/cart/")
    expect(page.get_by_role("status")).to_have_text("Signed in as demo.")
    expect(page.get_by_role("banner")).to_contain_text("Signed in as demo")
    expect_cart(page, {"tea": 1})

    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("status")).to_have_text(
        "Signed out: the session and its data are gone."
    )
    expect(
        page.get_by_role("banner").get_by_role("link", name="Sign in")
    ).to_be_visible()
    page.goto(f"{site}/cart/")
    expect(page.locator("p.empty")).to_have_text("Your cart is empty.")
