"""Signing in from the header brings the visitor back; signing out says so."""

import pytest
from playwright.sync_api import expect

from ..testing import DEMO_PASSWORD
from .steps import sign_in

pytestmark = pytest.mark.e2e


def test_signing_in_and_out_from_the_header(page, site, demo_user):
    page.goto(f"{site}/accounts/password_reset/")
    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Back where the visitor was, signed in.
    expect(page).to_have_url(f"{site}/accounts/password_reset/")
    expect(page.get_by_role("status")).to_have_text("Signed in as demo.")
    expect(page.get_by_role("banner")).to_contain_text("Signed in as demo")

    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(f"{site}/")
    expect(page.get_by_role("status")).to_have_text(
        "Signed out: the session and its data are gone."
    )
    expect(
        page.get_by_role("banner").get_by_role("link", name="Sign in")
    ).to_be_visible()


def test_signing_in_on_its_own_page_lands_on_the_home_page(page, site, demo_user):
    sign_in(page, site)

    expect(page).to_have_url(f"{site}/")
    expect(page.get_by_role("status")).to_have_text("Signed in as demo.")
