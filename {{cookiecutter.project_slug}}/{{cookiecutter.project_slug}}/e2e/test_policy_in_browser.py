"""The browser enforces the Content-Security-Policy, and the tests hear of breaches."""

import pytest

from .steps import policy_violations_so_far, watch_for_policy_violations

pytestmark = pytest.mark.e2e

ADD_INLINE_STYLE = """() => {
  const style = document.createElement("style");
  style.textContent = "body { color: rgb(255, 0, 0) }";
  document.head.append(style);
}"""


def test_an_inline_style_is_refused_and_reported(browser, site):
    context = browser.new_context()
    violations = watch_for_policy_violations(context)
    page = context.new_page()
    page.goto(f"{site}/")

    page.evaluate(ADD_INLINE_STYLE)
    for _ in range(50):  # the report comes as a task of its own
        if policy_violations_so_far(context, violations):
            break
        page.wait_for_timeout(100)

    assert page.evaluate("getComputedStyle(document.body).color") != "rgb(255, 0, 0)"
    assert violations == [f"style-src-elem refused inline on {site}/"]
    context.close()
