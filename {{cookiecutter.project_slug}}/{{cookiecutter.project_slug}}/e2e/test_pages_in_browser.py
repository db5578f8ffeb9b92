"""Every page of the site, in every state, reads well at desktop and phone width.

axe-core checks each against WCAG 2.2 A and AA and its best practices, and the
assert_reads_well fixture what axe leaves out. Each demo app's browser tests check
their own pages the same way.
"""

import pytest
from django.template.loader import render_to_string

from ..session_guard.conf import guard_settings
from .steps import sign_in, visit

pytestmark = pytest.mark.e2e


def serve_rendered(page, site, path, template, status):
    """Answer path with a page Django renders as it renders its error pages."""
    body = render_to_string(template)
    page.route(
        f"{site}{path}",
        lambda route: route.fulfill(status=status, body=body, content_type="text/html"),
    )
    page.goto(f"{site}{path}")


def forged_form(page, site):
    """Send the sign-in form with a forged CSRF token: the 403 page."""
    page.goto(f"{site}/accounts/login/")
    page.locator("[name=csrfmiddlewaretoken]").evaluate(
        "field => field.value = 'forged'"
    )
    page.get_by_role("button", name="Sign in").click()


def password_change(page, site):
    sign_in(page, site)
    page.goto(f"{site}/accounts/password_change/")


def your_sessions(page, site):
    sign_in(page, site)
    page.goto(f"{site}/accounts/sessions/")


# Each state: how a visitor gets there.
STATES = {
    "home": visit("/"),
    "sign-in": visit("/accounts/login/"),
    "sign-in-with-an-error": lambda page, site: sign_in(page, site, "wrong horse"),
    "signed-in": sign_in,
    "password-change": password_change,
    **({"your-sessions": your_sessions} if guard_settings.RECORDS else {}),
    "password-reset": visit("/accounts/password_reset/"),
    "not-found-404": visit("/no-such-page/"),
    "method-not-allowed-405": visit("/accounts/logout/"),
    "forged-form-403": forged_form,
    "bad-request-400": lambda page, site: serve_rendered(
        page, site, "/bad/", "400.html", 400
    ),
    "server-error-500": lambda page, site: serve_rendered(
        page, site, "/broken/", "500.html", 500
    ),
}


@pytest.mark.parametrize("state", STATES)
def test_page_reads_well(page, site, demo_user, assert_reads_well, state):
    STATES[state](page, site)

    assert_reads_well(page, state)


def test_keyboard_focus_is_visible(page, site):
    page.goto(f"{site}/")

    page.keyboard.press("Tab")

    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("element => element.className") == "skip-link"
    outline = focused.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
