"""Every page reads well at desktop and phone width, by keyboard too.

Each page is saved as a screenshot (see the screenshots fixture) for a person to look
at; the checks are what a machine can tell: one heading, no sideways scrolling, a label
for every field, readable contrast, a visible focus.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PAGES = {
    "home": "/",
    "set-session": "/set_session/",
    "get-session": "/get_session/",
    "playground": "/session/",
    "cart": "/cart/",
    "add-to-cart": "/add_to_cart/awesome-item/",
    "bad-item-name": "/add_to_cart/two%20words/",
}
WIDTHS = [1280, 375]  # a desktop, a phone

# WCAG 2 contrast ratio of an element's text against the first opaque background
# behind it.
CONTRAST = """element => {
    const rgb = text => text.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map(c => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    let node = element, background = null;
    while (node && !background) {
        const color = rgb(getComputedStyle(node).backgroundColor);
        if (color.length < 4 || color[3] > 0) background = color.slice(0, 3);
        node = node.parentElement;
    }
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)),
                    luminance(background || [255, 255, 255])];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.fixture
def shopper(page, site):
    """A visitor with session data and a cart, so that every page shows something."""
    page.goto(f"{site}/set_session/")
    page.goto(f"{site}/add_to_cart/awesome-item/")
    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Add to cart").click()
    return page


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_reads_well(shopper, site, screenshots, path):
    page = shopper
    name = next(name for name, known in PAGES.items() if known == path)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + path)
        page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=True)

        expect(page.locator("h1")).to_have_count(1)
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
    unlabelled = page.locator("input:not([type=hidden])").evaluate_all(
        "fields => fields.filter(field => field.labels.length === 0).length"
    )
    assert unlabelled == 0
    texts = page.locator("h1, h2, main p, main li, main td, nav a, button")
    contrasts = texts.evaluate_all(f"elements => elements.map({CONTRAST})")
    assert min(contrasts) >= 4.5  # WCAG AA for body text


def test_keyboard_focus_is_visible(page, site):
    page.goto(f"{site}/session/")

    page.keyboard.press("Tab")

    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("element => element.className") == "skip-link"
    outline = focused.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
