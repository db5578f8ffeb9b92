"""What a visitor does in the browser tests, one step a function."""

from ..testing import DEMO_PASSWORD


def add_to_cart(page, site, item, quantity=None):
    """Open an item's confirm page and press "Add to cart", with a quantity or not."""
    page.goto(f"{site}/add_to_cart/{item}/")
    if quantity is not None:
        page.get_by_label("Quantity").fill(str(quantity))
    page.get_by_role("button", name="Add to cart").click()


def sign_in(page, site, password=DEMO_PASSWORD):
    """Sign in as the demo user on the sign-in page."""
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
