"""Sessions outlive the server process that made them."""

from django.conf import settings
from django.urls import reverse


def test_seed_values_survive_a_restart(client, load_after_restart):
    client.get(reverse("set_session"))
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    data = load_after_restart(session_key)

    assert data["username"] == "john_doe"
    assert data["is_logged_in"] is True


def test_cart_survives_a_restart(client, load_after_restart):
    client.post(reverse("add_to_cart", args=["awesome-item"]), {"quantity": "2"})
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    data = load_after_restart(session_key)

    assert data["cart"] == {"awesome-item": 2}
