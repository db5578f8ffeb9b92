"""What a visitor does in the browser tests, one step a function; what they watch."""

from ..testing import DEMO_PASSWORD


def visit(path):
    """Return a step that opens path."""
    return lambda page, site: page.goto(f"{site}{path}")


def sign_in(page, site, password=DEMO_PASSWORD):
    """Sign in as the demo user on the sign-in page."""
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


# Each violation of the Content-Security-Policy, as the page sees it.
REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) =>
  window.reportPolicyViolation(
    `${event.effectiveDirective} refused ${event.blockedURI} on ${event.documentURI}`
  )
);
"""


def watch_for_policy_violations(context):
    """Return the list that each CSP violation in the context's pages goes to."""
    violations = []

    def report(violation):
        violations.append(violation)

    context.expose_function("reportPolicyViolation", report)
    context.add_init_script(REPORT_POLICY_VIOLATIONS)
    return violations


def policy_violations_so_far(context, violations):
    """Return violations, once the pages' reports still on their way are in."""
    for page in context.pages:
        if not page.is_closed():
            page.evaluate("1")
    return violations
