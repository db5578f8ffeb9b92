"""Each playground button, clicked in Chromium, does what it says."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
{% set signed = cookiecutter.session_engine == "signed_cookies" %}
{% if signed %}

# With signed cookies the session key is the signed data itself: it changes with the
# data, so these tests check what happens to the data.
{% endif %}


@pytest.fixture
def playground(page, site):
    page.goto(f"{site}/set_session/")
    page.goto(f"{site}/session/")
    return page


def press(page, button, **fields):
    for name, value in fields.items():
        page.locator(f"#id_{name}").fill(value)
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Session playground")


def session_key(page):
    return page.locator(".session-key").inner_text()


def data_keys(page):
    return page.locator("table.data tbody tr td:first-child").all_inner_texts()


def test_the_page_shows_the_session(playground):
    expect(playground.locator(".engine")).not_to_be_empty()
    expect(playground.locator(".expiry-age")).to_contain_text("seconds")
    assert data_keys(playground) == ["greeting", "is_logged_in", "username"]


def test_set_and_pop(playground):
    press(playground, "Set", set_key="colour", set_value="blue")
    expect(playground.get_by_role("status")).to_have_text("Stored 'colour'.")
    assert "colour" in data_keys(playground)

    press(playground, "Pop", pop_key="colour")
    expect(playground.get_by_role("status")).to_have_text("Removed 'colour'.")
    assert "colour" not in data_keys(playground)


def test_clear_empties_the_data(playground):
    key = session_key(playground)

    press(playground, "Clear")

    expect(playground.locator("p.empty")).to_have_text("The session holds no data.")
{% if not signed %}
    assert session_key(playground) == key  # same session, nothing in it
{% else %}
    assert session_key(playground) != key  # new data, new signature
{% endif %}


def test_flush_starts_a_new_session(playground):
    key = session_key(playground)

    press(playground, "Flush")

    expect(playground.locator("p.empty")).to_have_text("The session holds no data.")
    expect(playground.locator(".session-key")).to_contain_text("none yet")
    press(playground, "Set", set_key="colour", set_value="blue")
    assert session_key(playground) != key
    assert data_keys(playground) == ["colour"]


def test_cycle_key_keeps_the_data(playground):
{% if not signed %}
    key = session_key(playground)

{% endif %}
    press(playground, "Cycle key")

    assert data_keys(playground) == ["greeting", "is_logged_in", "username"]
{% if not signed %}
    assert session_key(playground) != key
{% endif %}


def test_set_expiry(playground):
    press(playground, "Set expiry", set_expiry_seconds="60")

    expect(playground.locator(".expiry-age")).to_have_text("60 seconds")
    expect(playground.locator(".browser-close")).to_have_text("no")

    press(playground, "Set expiry", set_expiry_seconds="0")

    expect(playground.locator(".browser-close")).to_have_text("yes")
