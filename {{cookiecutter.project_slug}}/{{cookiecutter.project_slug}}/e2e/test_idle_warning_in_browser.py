"""The idle warning in Chromium, on Playwright's clock: warn, stay, share, end."""

import time

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from ..session_guard.idle import ACTIVE_AT, RESOLUTION
from ..testing import session_store
from .steps import sign_in

pytestmark = pytest.mark.e2e

# 15 minutes, counted from the end of the minute the server notes: the session ends
# 16 minutes after the last request noted, and the warning shows from 14 on.
TIMEOUT = 900


@pytest.fixture
def signed_in_tab(page, site, demo_user, settings):
    settings.SESSION_GUARD_IDLE_TIMEOUT = TIMEOUT
    page.clock.install()
    sign_in(page, site)
    page.goto(f"{site}/accounts/password_reset/")
    return page


def warning(page):
    return page.get_by_role("alert").filter(has_text="signed out soon")


def test_the_warning_shows_two_minutes_before_and_stay_hides_it(
    signed_in_tab, assert_accessible
):
    page = signed_in_tab
    page.clock.fast_forward("13:50")
    expect(warning(page)).to_be_hidden()

    page.clock.fast_forward("00:20")
    expect(warning(page)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Stay signed in").click()

    expect(warning(page)).to_be_hidden()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_tabs_share_their_activity(signed_in_tab, context, site):
    first = signed_in_tab
    first.clock.fast_forward("10:00")
    second = context.new_page()
    second.goto(f"{site}/")  # activity in another tab, ten minutes on

    first.clock.fast_forward("04:00")

    expect(warning(first)).to_be_hidden()
    first.clock.fast_forward("10:10")
    expect(warning(first)).to_be_visible()


def test_an_idle_session_ends_and_the_page_says_so(signed_in_tab, context):
    page = signed_in_tab
    # The server's clock is not Playwright's: make its record of the session old.
    cookie_name = django_settings.SESSION_COOKIE_NAME
    [cookie] = [c for c in context.cookies() if c["name"] == cookie_name]
    session = session_store(cookie["value"])
    session[ACTIVE_AT] = int(time.time()) - TIMEOUT - RESOLUTION - 1
    session.save()
    if cookie["value"] != session.session_key:  # a signed cookie: its data changed
        context.add_cookies([{**cookie, "value": session.session_key}])

    page.clock.fast_forward("16:01")

    expect(page.get_by_text("without activity")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
