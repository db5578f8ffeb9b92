"""The set/get session demo and the playground, clicked through in Chromium."""

import pytest
from playwright.sync_api import expect

from ...e2e.steps import visit

pytestmark = pytest.mark.e2e


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


def after_set_session(path):
    def visit(page, site):
        page.goto(f"{site}/set_session/")
        page.goto(f"{site}{path}")

    return visit


def playground_after_a_change(page, site):
    after_set_session("/session/")(page, site)
    page.get_by_role("button", name="Cycle key").click()


def playground_error(page, site):
    page.goto(f"{site}/session/")
    page.locator("#id_set_key").fill("_reserved")
    page.locator("#id_set_value").fill("blue")
    page.get_by_role("button", name="Set", exact=True).click()


# Each state of the demo's pages: how a visitor gets there.
STATES = {
    "set-session": visit("/set_session/"),
    "get-session-new-visitor": visit("/get_session/"),
    "get-session": after_set_session("/get_session/"),
    "playground-empty": visit("/session/"),
    "playground-after-a-change": playground_after_a_change,
    "playground-with-an-error": playground_error,
}


@pytest.mark.parametrize("state", STATES)
def test_page_reads_well(page, site, assert_reads_well, state):
    STATES[state](page, site)

    assert_reads_well(page, state)
