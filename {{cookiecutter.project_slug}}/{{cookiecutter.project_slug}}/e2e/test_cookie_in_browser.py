"""The session cookie as Chromium stores it, and what a browser restart does to it."""

{% if not cookiecutter.session_expire_at_browser_close %}
import time

{% endif %}
import pytest
from playwright.sync_api import expect

from ..sessions_demo.tests import answers

pytestmark = pytest.mark.e2e


def stored_session_cookie(context):
    [cookie] = [
        cookie
        for cookie in context.cookies()
        if cookie["name"] == answers.SESSION_COOKIE_NAME
    ]
    return cookie


def test_the_browser_keeps_the_cookie_as_chosen(page, context, site):
    page.goto(f"{site}/set_session/")

    cookie = stored_session_cookie(context)
    assert cookie["httpOnly"] is answers.SESSION_COOKIE_HTTPONLY
    assert cookie["secure"] is answers.SESSION_COOKIE_SECURE
    assert cookie["sameSite"] == answers.SESSION_COOKIE_SAMESITE
    assert cookie["path"] == "/"
{% if cookiecutter.session_expire_at_browser_close %}
    assert cookie["expires"] == -1  # a browser-session cookie
{% else %}
    expected_expiry = time.time() + answers.SESSION_COOKIE_AGE
    assert abs(cookie["expires"] - expected_expiry) < 60
{% endif %}
    scripts_see = page.evaluate("document.cookie")
    assert (f"{answers.SESSION_COOKIE_NAME}=" in scripts_see) is (
        not answers.SESSION_COOKIE_HTTPONLY
    )


def test_cart_after_the_browser_restarts(
    playwright, browser_type_launch_args, tmp_path, site
):
    def open_browser():
        # A browser with a profile on disk, which a restart reads back.
        return playwright.chromium.launch_persistent_context(
            tmp_path / "profile", **browser_type_launch_args
        )

    browser = open_browser()
    page = browser.new_page()
    page.goto(f"{site}/add_to_cart/tea/")
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator(".cart .item")).to_have_text(["tea"])
    browser.close()

    browser = open_browser()
    page = browser.new_page()
    page.goto(f"{site}/cart/")
{% if cookiecutter.session_expire_at_browser_close %}
    # The cookie ended with the browser, and the cart with it.
    expect(page.locator(".empty")).to_have_text("Your cart is empty.")
{% else %}
    expect(page.locator(".cart .item")).to_have_text(["tea"])
{% endif %}
    browser.close()
