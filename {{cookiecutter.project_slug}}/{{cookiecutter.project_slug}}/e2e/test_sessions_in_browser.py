"""The sessions page in Chromium: two browsers signed in, and each way of ending."""

import pytest
from playwright.sync_api import expect

from ..session_guard.conf import guard_settings
from .steps import policy_violations_so_far, sign_in, watch_for_policy_violations

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off"
    ),
]


@pytest.fixture
def other_browser(browser):
    """Return a page in a browser context of its own: another device, in effect."""
    context = browser.new_context()
    violations = watch_for_policy_violations(context)
    yield context.new_page()
    assert policy_violations_so_far(context, violations) == []
    context.close()


def expect_signed_out(page, site):
    page.goto(f"{site}/")
    expect(
        page.get_by_role("banner").get_by_role("link", name="Sign in")
    ).to_be_visible()


def test_a_session_ended_from_another_browser_is_signed_out(
    page, other_browser, site, demo_user, assert_accessible
):
    sign_in(other_browser, site)
    sign_in(page, site)

    page.get_by_role("link", name="Your sessions").click()
    sessions = page.locator(".sessions > li")
    expect(sessions).to_have_count(2)
    expect(sessions.first).to_contain_text("this device")
    assert_accessible(page)
    sessions.nth(1).get_by_role("button", name="End").click()

    expect(page.get_by_role("status")).to_contain_text("Ended the session on")
    expect(sessions).to_have_count(1)
    expect_signed_out(other_browser, site)


def test_signing_out_everywhere_else_then_here(page, other_browser, site, demo_user):
    sign_in(other_browser, site)
    sign_in(page, site)
    page.goto(f"{site}/accounts/sessions/")

    page.get_by_role("button", name="Sign out everywhere else").click()

    expect(page.get_by_role("status")).to_contain_text("ended 1 other session.")
    expect_signed_out(other_browser, site)
    page.get_by_role("button", name="End this session and sign out").click()
    expect(page.get_by_role("status")).to_contain_text("Signed out")
    expect_signed_out(page, site)
