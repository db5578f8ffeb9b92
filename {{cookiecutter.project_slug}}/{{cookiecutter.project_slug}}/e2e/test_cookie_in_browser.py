"""The session cookie as Chromium stores it, and what a browser restart does to it."""

import time

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .steps import sign_in

pytestmark = pytest.mark.e2e


def stored_session_cookie(context):
    [cookie] = [
        cookie
        for cookie in context.cookies()
        if cookie["name"] == settings.SESSION_COOKIE_NAME
    ]
    return cookie


def signed_in(page):
    return page.get_by_role("banner").get_by_text("Signed in as demo")


def test_the_browser_keeps_the_cookie_as_the_settings_say(
    page, context, site, demo_user
):
    sign_in(page, site)
    expect(signed_in(page)).to_be_visible()

    cookie = stored_session_cookie(context)
    assert cookie["httpOnly"] is settings.SESSION_COOKIE_HTTPONLY
    assert cookie["secure"] is settings.SESSION_COOKIE_SECURE
    assert cookie["sameSite"] == settings.SESSION_COOKIE_SAMESITE
    assert cookie["path"] == "/"
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        assert cookie["expires"] == -1  # a browser-session cookie
    else:
        expected_expiry = time.time() + settings.SESSION_COOKIE_AGE
        assert abs(cookie["expires"] - expected_expiry) < 60
    scripts_see = page.evaluate("document.cookie")
    assert (f"{settings.SESSION_COOKIE_NAME}=" in scripts_see) is (
        not settings.SESSION_COOKIE_HTTPONLY
    )


def test_the_session_is_kept_from_page_to_page(page, site, demo_user):
    # What breaks first when a browser refuses the cookie (a __Host- name without
    # Secure, SameSite=None without Secure): every page starts a new session.
    sign_in(page, site)
    page.goto(f"{site}/accounts/password_reset/")

    expect(signed_in(page)).to_be_visible()


def test_signed_in_after_the_browser_restarts(
    playwright, browser_type_launch_args, tmp_path, site, demo_user
):
    def open_browser():
        # A browser with a profile on disk, which a restart reads back.
        return playwright.chromium.launch_persistent_context(
            tmp_path / "profile", **browser_type_launch_args
        )

    browser = open_browser()
    page = browser.new_page()
    sign_in(page, site)
    expect(signed_in(page)).to_be_visible()
    browser.close()

    browser = open_browser()
    page = browser.new_page()
    page.goto(f"{site}/")
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        # The cookie ended with the browser, and the session with it.
        expect(
            page.get_by_role("banner").get_by_role("link", name="Sign in")
        ).to_be_visible()
    else:
        expect(signed_in(page)).to_be_visible()
    browser.close()
