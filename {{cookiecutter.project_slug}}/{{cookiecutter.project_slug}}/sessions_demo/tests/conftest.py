"""Fixtures of the session demo's tests."""

import pytest
from django.urls import reverse


@pytest.fixture
def client_with_data(client):
    """Return a client whose session holds what /set_session/ stores."""
    client.get(reverse("sessions_demo:set_session"))
    return client
