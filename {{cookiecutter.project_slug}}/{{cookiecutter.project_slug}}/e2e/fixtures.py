"""Fixtures of the browser tests, which drive a real Chromium with Playwright.

The project's conftest.py registers this module, so that every app's browser tests
(marked e2e) have them: a Chromium against pytest-django's live server.

Playwright's own browser download is not needed: any Chromium on PATH (Debian's
`chromium` package, Google Chrome) or at CHROMIUM_PATH is used. Without one these tests
skip, or fail under REQUIRE_SERVICES=1. Accessibility is checked by axe-core, the engine
of Lighthouse and of browsers' accessibility tools.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from .steps import policy_violations_so_far, watch_for_policy_violations

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
# A headless Chromium that reaches for nothing beyond the test server.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = [1280, 375]  # a desktop, a phone


# WCAG 2.2 levels A and AA (with the 2.0 and 2.1 rules they keep), and axe's best
# practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}


def find_chromium():
    """Return the path of a Chromium to drive, or None."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


@pytest.fixture
def context(context):
    """Return the test's browser context: any CSP violation, on any page, fails it."""
    violations = watch_for_policy_violations(context)
    yield context
    assert policy_violations_so_far(context, violations) == []


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = find_chromium()
    if chromium is None:
        reason = "no Chromium: install it (apt install chromium) or set CHROMIUM_PATH"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"{reason}; REQUIRE_SERVICES=1 is set")
        pytest.skip(reason)
    # Chromium's sandbox refuses to start as root, as in containers and CI.
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": CHROMIUM_ARGS + sandbox,
    }


@pytest.fixture(scope="session", autouse=True)
def _django_beside_playwright():
    # Playwright's sync API keeps an event loop in the test thread, where Django would
    # refuse database calls (SynchronousOnlyOperation) though nothing runs async.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(live_server):
    """Return the address of the live server, for page.goto(site + "/cart/")."""
    return live_server.url


@pytest.fixture(scope="session")
def screenshots():
    """Return the folder for page screenshots, for a person to look at.

    var/screenshots/ (git ignores it), or E2E_SCREENSHOTS; not test-results/, which
    pytest-playwright empties at the start of every run.
    """
    folder = Path(
        os.environ.get("E2E_SCREENSHOTS") or settings.BASE_DIR / "var" / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Return a function that fails with axe-core's report on any violation."""

    def check(page):
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def assert_reads_well(screenshots, assert_accessible):
    """Return a function that checks a page at desktop and phone width.

    axe-core checks it; the rest is what axe leaves out: one heading, no sideways
    scrolling, a navigation on one row. Each width is saved as a screenshot, named
    after the page's state, for a person to look at.
    """

    def check(page, state):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=screenshots / f"{state}-{width}.png", full_page=True)

            assert_accessible(page)
            expect(page.locator("h1")).to_have_count(1)
            expect(page.get_by_role("banner")).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            # No navigation at all once every app it links to is gone.
            link_rows = (
                page.get_by_role("navigation", name="Main")
                .get_by_role("link")
                .evaluate_all("links => new Set(links.map(l => l.offsetTop)).size")
            )
            assert link_rows <= 1, f"the navigation wraps at {width} px"

    return check
