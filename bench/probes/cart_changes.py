"""What the cart probes share: the time a client takes per cart change.

Imported by the probes beside it (their folder is first on sys.path when they run).
"""

import time

from django.contrib.messages.storage.cookie import CookieStorage

DIFFERENT_ITEMS = 50  # the cart's default limit


def seconds_per_change(client, changes):
    """Add items to a client's cart changes times; return the seconds per change."""
    start = time.perf_counter()
    for number in range(changes):
        response = client.post(f"/add_to_cart/item-{number % DIFFERENT_ITEMS}/")
        assert response.status_code == 302, response.status_code
        # The page a visitor sees next shows the message and drops it; without that,
        # messages would pile up in their cookie and dwarf what is measured.
        client.cookies.pop(CookieStorage.cookie_name, None)
    return (time.perf_counter() - start) / changes
