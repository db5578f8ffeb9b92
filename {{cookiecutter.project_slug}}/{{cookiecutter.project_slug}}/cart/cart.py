"""The shopping cart, kept in the session."""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from ..session_guard.cookie_size import SessionTooLarge, set_within_cookie_limit

# Letters and digits of any script, "_" and "-": safe in a URL path and in HTML.
ITEM_NAME = re.compile(r"[\w-]+")


class CartError(ValueError):
    """A change the cart refuses; the message is meant for the user."""


class Cart:
    """A cart of {item name: quantity}, stored in the session under "cart".

    Every change builds a new dict and assigns it to the session: reassigning the key
    marks the session modified, so Django saves it. Changing the stored value in place
    (`request.session["cart"].append(item)`) does not, and the change would be lost.

    The limits are settings: CART_MAX_ITEMS, CART_MAX_QUANTITY, CART_MAX_NAME_LENGTH.
    """

    session_key = "cart"

    def __init__(self, session):
        self.session = session

    @staticmethod
    def clean_name(name):
        """Return the item name, or raise CartError if it cannot be used."""
        longest = settings.CART_MAX_NAME_LENGTH
        if not 1 <= len(name) <= longest or not ITEM_NAME.fullmatch(name):
            raise CartError(
                _(
                    "Item names are 1 to %(longest)d letters, digits, hyphens "
                    "or underscores."
                )
                % {"longest": longest}
            )
        return name

    def lines(self):
        """Return a new dict of {name: quantity}; changing it changes nothing stored."""
        stored = self.session.get(self.session_key)
        if not isinstance(stored, dict):
            return {}  # no cart yet, or a value this class did not write
        return {
            name: quantity
            for name, quantity in stored.items()
            if type(quantity) is int and quantity > 0
        }

    def items(self):
        """Return the (name, quantity) pairs, in the order they were added."""
        return list(self.lines().items())

    def quantity(self, name):
        """Return how many of an item the cart holds: 0 if none."""
        return self.lines().get(name, 0)

    def __len__(self):
        return len(self.lines())

    def add(self, name, quantity=1):
        """Add quantity (1 or more) of an item, or raise CartError past a limit."""
        name = self.clean_name(name)
        if quantity < 1:
            raise CartError(_("Add at least 1 of an item."))
        lines = self.lines()
        if name not in lines and len(lines) >= settings.CART_MAX_ITEMS:
            raise CartError(
                _("A cart holds at most %(count)d different items.")
                % {"count": settings.CART_MAX_ITEMS}
            )
        new_quantity = lines.get(name, 0) + quantity
        if not 1 <= new_quantity <= settings.CART_MAX_QUANTITY:
            raise CartError(
                _("A cart holds 1 to %(count)d of each item.")
                % {"count": settings.CART_MAX_QUANTITY}
            )
        lines[name] = new_quantity
        try:
            set_within_cookie_limit(self.session, self.session_key, lines)
        except SessionTooLarge as error:
            raise CartError(str(error)) from error

    def remove(self, name):
        """Remove every unit of an item; return False if it was not in the cart."""
        lines = self.lines()
        if lines.pop(name, None) is None:
            return False
        self.session[self.session_key] = lines
        return True

    def clear(self):
        """Remove every item."""
        self.session.pop(self.session_key, None)
