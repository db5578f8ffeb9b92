"""Fixtures of the cart's tests."""

import pytest
from django.urls import reverse


@pytest.fixture
def shopper(client):
    """Return a client with one tea in the cart."""
    client.post(reverse("cart:add", args=["tea"]))
    return client
