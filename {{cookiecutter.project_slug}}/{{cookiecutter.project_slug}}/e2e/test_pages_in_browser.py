"""Every page, in every state, reads well at desktop and phone width, by keyboard too.

axe-core checks each against WCAG 2.2 A and AA and its best practices; the rest is
what axe leaves out: one heading, no sideways scrolling, a header that fits. Each
state is saved as a screenshot (see the screenshots fixture) for a person to look at.
"""

import pytest
from django.template.loader import render_to_string
from playwright.sync_api import expect

from ..session_guard.conf import guard_settings
from .steps import add_to_cart, sign_in

pytestmark = pytest.mark.e2e

WIDTHS = [1280, 375]  # a desktop, a phone


def serve_rendered(page, site, path, template, status):
    """Answer path with a page Django renders as it renders its error pages."""
    body = render_to_string(template)
    page.route(
        f"{site}{path}",
        lambda route: route.fulfill(status=status, body=body, content_type="text/html"),
    )
    page.goto(f"{site}{path}")


def tampered_form(page, site):
    """Send the cart's form with a forged CSRF token: the 403 page."""
    add_to_cart(page, site, "tea")
    page.locator("form[action='/cart/clear/'] [name=csrfmiddlewaretoken]").evaluate(
        "field => field.value = 'forged'"
    )
    page.get_by_role("button", name="Empty the cart").click()


def after_set_session(path):
    def visit(page, site):
        page.goto(f"{site}/set_session/")
        page.goto(f"{site}{path}")

    return visit


def visit(path):
    return lambda page, site: page.goto(f"{site}{path}")


def playground_after_a_change(page, site):
    after_set_session("/session/")(page, site)
    page.get_by_role("button", name="Cycle key").click()


def password_change(page, site):
    sign_in(page, site)
    page.goto(f"{site}/accounts/password_change/")


def your_sessions(page, site):
    sign_in(page, site)
    page.goto(f"{site}/accounts/sessions/")


def playground_error(page, site):
    page.goto(f"{site}/session/")
    page.locator("#id_set_key").fill("_reserved")
    page.locator("#id_set_value").fill("blue")
    page.get_by_role("button", name="Set", exact=True).click()


def full_line(page, site):
    add_to_cart(page, site, "tea", 99)
    add_to_cart(page, site, "tea")


# Each state: how a visitor gets there.
STATES = {
    "home": visit("/"),
    "set-session": visit("/set_session/"),
    "get-session-new-visitor": visit("/get_session/"),
    "get-session": after_set_session("/get_session/"),
    "playground-empty": visit("/session/"),
    "playground-after-a-change": playground_after_a_change,
    "playground-with-an-error": playground_error,
    "cart-empty": visit("/cart/"),
    "cart-after-adding": lambda page, site: add_to_cart(page, site, "tea", 2),
    "add-to-cart": visit("/add_to_cart/cake/"),
    "add-to-cart-refused": full_line,
    "bad-item-name": visit("/add_to_cart/two%20words/"),
    "sign-in": visit("/accounts/login/"),
    "sign-in-with-an-error": lambda page, site: sign_in(page, site, "wrong horse"),
    "signed-in": sign_in,
    "password-change": password_change,
    **({"your-sessions": your_sessions} if guard_settings.RECORDS else {}),
    "password-reset": visit("/accounts/password_reset/"),
    "not-found-404": visit("/no-such-page/"),
    "method-not-allowed-405": visit("/cart/clear/"),
    "forged-form-403": tampered_form,
    "bad-request-400": lambda page, site: serve_rendered(
        page, site, "/bad/", "400.html", 400
    ),
    "server-error-500": lambda page, site: serve_rendered(
        page, site, "/broken/", "500.html", 500
    ),
}


@pytest.mark.parametrize("state", STATES)
def test_page_reads_well(page, site, demo_user, screenshots, assert_accessible, state):
    STATES[state](page, site)

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshots / f"{state}-{width}.png", full_page=True)

        assert_accessible(page)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
        link_rows = (
            page.get_by_role("navigation", name="Main")
            .get_by_role("link")
            .evaluate_all("links => new Set(links.map(link => link.offsetTop)).size")
        )
        assert link_rows == 1, f"the navigation wraps at {width} px"


def test_the_quantity_field_is_as_wide_as_a_number(page, site):
    page.goto(f"{site}/add_to_cart/tea/")

    box = page.get_by_label("Quantity").bounding_box()

    assert box["width"] <= 160


def test_keyboard_focus_is_visible(page, site):
    page.goto(f"{site}/session/")

    page.keyboard.press("Tab")

    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("element => element.className") == "skip-link"
    outline = focused.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
