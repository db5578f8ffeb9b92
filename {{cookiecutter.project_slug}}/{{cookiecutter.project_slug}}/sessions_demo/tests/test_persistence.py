"""Sessions outlive the server process that made them."""

from django.urls import reverse

from ...testing import session_cookie


def test_the_demo_values_survive_a_restart(client, load_after_restart):
    client.get(reverse("sessions_demo:set_session"))

    data = load_after_restart(session_cookie(client).value)

    assert data["username"] == "john_doe"
    assert data["is_logged_in"] is True


def test_the_cart_survives_a_restart(client, load_after_restart):
    client.post(reverse("cart:add", args=["awesome-item"]), {"quantity": "2"})

    data = load_after_restart(session_cookie(client).value)

    assert data["cart"] == {"awesome-item": 2}
