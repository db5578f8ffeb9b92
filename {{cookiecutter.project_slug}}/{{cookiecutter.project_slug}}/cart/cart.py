"""The shopping cart, kept in the session."""

import re

# Letters and digits of any script, "_" and "-": safe in a URL path and in HTML.
ITEM_NAME = re.compile(r"[\w-]+")


class CartError(ValueError):
    """A change the cart refuses; the message is meant for the user."""


class Cart:
    """A cart of {item name: quantity}, stored in the session under "cart".

    Every change builds a new dict and assigns it to the session. Changing the stored
    value in place (seed 003's `cart.append(item)` on the list the session returned)
    does not mark the session modified, so Django would not save it; the seed only
    works because it assigns the list back afterwards.
    """

    session_key = "cart"
    max_name_length = 64
    max_quantity = 99
    max_lines = 50

    def __init__(self, session):
        self.session = session

    @classmethod
    def clean_name(cls, name):
        if not 1 <= len(name) <= cls.max_name_length or not ITEM_NAME.fullmatch(name):
            raise CartError(
                f"Item names are 1 to {cls.max_name_length} letters, digits, "
                "hyphens or underscores."
            )
        return name

    def lines(self):
        """A new dict of {name: quantity}; changing it changes nothing stored."""
        stored = self.session.get(self.session_key)
        if not isinstance(stored, dict):
            return {}  # no cart yet, or a value this class did not write
        return {
            name: quantity
            for name, quantity in stored.items()
            if type(quantity) is int and quantity > 0
        }

    def items(self):
        return list(self.lines().items())

    def quantity(self, name):
        return self.lines().get(name, 0)

    def __len__(self):
        return len(self.lines())

    def add(self, name, quantity=1):
        name = self.clean_name(name)
        lines = self.lines()
        if name not in lines and len(lines) >= self.max_lines:
            raise CartError(f"A cart holds at most {self.max_lines} different items.")
        new_quantity = lines.get(name, 0) + quantity
        if not 1 <= new_quantity <= self.max_quantity:
            raise CartError(f"A cart holds 1 to {self.max_quantity} of each item.")
        lines[name] = new_quantity
        self.session[self.session_key] = lines

    def remove(self, name):
        """Remove every unit of an item; False if it was not in the cart."""
        lines = self.lines()
        if lines.pop(name, None) is None:
            return False
        self.session[self.session_key] = lines
        return True

    def clear(self):
        self.session.pop(self.session_key, None)
