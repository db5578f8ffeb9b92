from django.urls import reverse

# The password of the tests' member (conftest.py).
MEMBER_PASSWORD = "a member's horse battery 47"  # noqa: S105 (made up)
# What the tests' page (views.py) shows a signed-in visitor.
SIGNED_IN = "class=signed-in"


def is_signed_in(client):
    """Return True if the tests' page shows the client signed in."""
    return SIGNED_IN in client.get(reverse("tests:page")).content.decode()
