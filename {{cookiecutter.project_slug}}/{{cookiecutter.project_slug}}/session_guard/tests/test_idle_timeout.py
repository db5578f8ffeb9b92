"""Idle timeout: a session without a request for a while ends on the server.

The tests set SESSION_GUARD_IDLE_TIMEOUT themselves, so they prove it whatever the
settings say; test_settings.py checks the value in force.
"""

import time

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from ...accounts.models import SignedInSession
from ...testing import session_cookie, session_store
from ..idle import LAST_ACTIVITY_KEY

CART = reverse("cart:detail")
STAY = reverse("session_guard:stay_signed_in")
SIGNED_IN = 'class="signed-in"'
TIMEOUT = 900


@pytest.fixture(autouse=True)
def _idle_timeout(settings):
    settings.SESSION_GUARD_IDLE_TIMEOUT = TIMEOUT
    # A request that changes nothing saves nothing, so the tests can tell.
    settings.SESSION_SAVE_EVERY_REQUEST = False


def last_activity(client):
    return session_store(session_cookie(client).value).load().get(LAST_ACTIVITY_KEY)


def idle_for(client, seconds):
    """Make the stored session look as if its last request was seconds ago."""
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()
    # A signed cookie's key is its data, which saving changed.
    client.cookies[session_cookie(client).key] = session.session_key


def test_a_session_notes_its_last_request(shopper):
    assert abs(last_activity(shopper) - time.time()) < 5


def test_a_session_idle_for_too_long_starts_afresh(shopper):
    idle_for(shopper, TIMEOUT + 1)

    response = shopper.get(CART)

    assert len(response.context["cart"]) == 0
    assertContains(response, "Your session ended after 15 minutes without activity.")


def test_a_signed_in_session_idle_for_too_long_is_signed_out(client, sign_in):
    sign_in(client)
    idle_for(client, TIMEOUT + 1)

    response = client.get(CART)

    assertNotContains(response, SIGNED_IN)
    assertContains(response, "without activity")
    assert not SignedInSession.objects.exists()


def test_a_request_before_the_timeout_keeps_the_session(shopper):
    idle_for(shopper, TIMEOUT - 5)

    response = shopper.get(CART)

    assert len(response.context["cart"]) == 1
    assert abs(last_activity(shopper) - time.time()) < 5


def test_the_time_is_written_at_most_once_a_minute(shopper):
    idle_for(shopper, 30)
    noted = last_activity(shopper)

    response = shopper.get(CART)

    assert last_activity(shopper) == noted
    assert session_cookie(shopper).key not in response.cookies  # nothing saved


def test_without_a_timeout_nothing_is_noted(client, settings):
    settings.SESSION_GUARD_IDLE_TIMEOUT = 0

    client.post(reverse("cart:add", args=["tea"]))

    assert LAST_ACTIVITY_KEY not in client.session


def test_staying_signed_in_restarts_the_clock(client, sign_in):
    sign_in(client)
    idle_for(client, TIMEOUT - 60)

    response = client.post(STAY, headers={"Accept": "application/json"})

    assert response.json()["seconds_left"] == pytest.approx(TIMEOUT, abs=5)
    assert abs(last_activity(client) - time.time()) < 5


def test_staying_signed_in_without_javascript_goes_back(client, sign_in):
    sign_in(client)

    response = client.post(STAY, {"next": CART})

    assert response.url == CART


@pytest.mark.parametrize(
    "back",
    ["https://evil.example/", "//evil.example/", ""],
    ids=["other-site", "scheme-relative", "none"],
)
def test_staying_signed_in_goes_back_to_this_site_only(client, sign_in, back):
    sign_in(client)

    assert client.post(STAY, {"next": back}).url == "/"


def test_signed_in_pages_carry_the_warning(client, sign_in):
    assertNotContains(client.get(CART), 'id="idle-warning"')

    sign_in(client)

    response = client.get(CART)
    assertContains(response, 'id="idle-warning"')
    assertContains(response, 'data-warning-time="120"')
    assertContains(response, "/static/js/idle-warning.js")


def test_a_signed_in_session_ends_at_its_maximum_age(client, sign_in, settings):
    settings.SESSION_GUARD_SIGNED_IN_MAX_AGE = 3600
    sign_in(client)
    assertContains(client.get(CART), SIGNED_IN)

    SignedInSession.objects.update(
        started_at=SignedInSession.objects.get().started_at.replace(year=2000)
    )

    assertNotContains(client.get(CART), SIGNED_IN)
    assert not SignedInSession.objects.exists()
