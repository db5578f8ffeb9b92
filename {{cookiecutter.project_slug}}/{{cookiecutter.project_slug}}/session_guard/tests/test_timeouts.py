"""A session idle for too long, or signed in for too long, ends on the server.

The tests set SESSION_GUARD_IDLE_TIMEOUT and SESSION_GUARD_SIGNED_IN_MAX_AGE
themselves, so they prove them whatever the settings say.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from ..idle import ACTIVE_AT, RESOLUTION, SIGNED_IN_AT, now
from ..models import SignedInSession
from ..testing import session_cookie, stored_data
from . import SIGNED_IN

TIMEOUT = 900
STAY = reverse("session_guard:stay_signed_in")


@pytest.fixture(autouse=True)
def _idle_timeout(settings):
    settings.SESSION_GUARD_IDLE_TIMEOUT = TIMEOUT
    # A request that changes nothing saves nothing, so the tests can tell.
    settings.SESSION_SAVE_EVERY_REQUEST = False


def page():
    return reverse("tests:page")


def noted(client):
    return stored_data(session_cookie(client).value).get(ACTIVE_AT)


def set_in_store(client, **entries):
    """Change the client's stored session, as if time had passed."""
    session = client.session
    session.update(entries)
    session.save()
    # A signed cookie's key is its data, which saving changed.
    client.cookies[session_cookie(client).key] = session.session_key


def idle_for(client, seconds):
    """Make the stored session look as if its last request was noted seconds ago."""
    set_in_store(client, **{ACTIVE_AT: now() - seconds})


def test_a_session_notes_its_last_request(visitor):
    assert abs(noted(visitor) - now()) < 5


def test_a_session_idle_for_too_long_starts_afresh(visitor):
    idle_for(visitor, TIMEOUT + RESOLUTION)

    response = visitor.get(page())

    assertContains(response, "Your session ended after 15 minutes without activity.")
    assert visitor.get(reverse("tests:data")).json() == {}


def test_a_session_never_ends_before_the_timeout_has_passed(visitor):
    # Noted a minute (less a second) before its last request, which came
    # TIMEOUT - 1 seconds ago: idle for less than the timeout.
    idle_for(visitor, TIMEOUT - 1 + RESOLUTION - 1)

    response = visitor.get(page())

    assertNotContains(response, "without activity")
    assert visitor.get(reverse("tests:data")).json() == {"note": "tea"}


def test_a_signed_in_session_idle_for_too_long_is_signed_out(signed_in):
    client = signed_in()
    idle_for(client, TIMEOUT + RESOLUTION)

    response = client.get(page())

    assertNotContains(response, SIGNED_IN)
    assertContains(response, "without activity")
    assert not SignedInSession.objects.exists()


def test_a_request_notes_a_time_a_minute_old(visitor):
    idle_for(visitor, RESOLUTION)

    visitor.get(page())

    assert abs(noted(visitor) - now()) < 5


def test_the_time_is_written_at_most_once_a_minute(visitor):
    idle_for(visitor, RESOLUTION - 5)
    before = noted(visitor)

    response = visitor.get(page())

    assert noted(visitor) == before
    assert session_cookie(visitor).key not in response.cookies  # nothing saved


def test_without_a_timeout_an_anonymous_session_notes_nothing(client, settings):
    settings.SESSION_GUARD_IDLE_TIMEOUT = 0

    client.post(reverse("tests:note"), {"note": "tea"})

    assert ACTIVE_AT not in client.session


def test_staying_signed_in_restarts_the_clock(signed_in):
    client = signed_in()
    idle_for(client, TIMEOUT - 60)

    response = client.post(STAY, headers={"Accept": "application/json"})

    left = response.json()["seconds_left"]
    assert left == pytest.approx(TIMEOUT + RESOLUTION, abs=5)
    assert abs(noted(client) - now()) < 5


def test_staying_signed_in_without_javascript_goes_back(signed_in):
    response = signed_in().post(STAY, {"next": page()})

    assert response.url == page()


@pytest.mark.parametrize(
    "back",
    ["https://evil.example/", "//evil.example/", ""],
    ids=["other-site", "scheme-relative", "none"],
)
def test_staying_signed_in_goes_back_to_this_site_only(signed_in, back):
    assert signed_in().post(STAY, {"next": back}).url == "/"


def test_signed_in_pages_carry_the_warning(client, signed_in):
    assertNotContains(client.get(page()), 'id="idle-warning"')

    signed_in(client)

    response = client.get(page())
    assertContains(response, 'id="idle-warning"')
    assertContains(response, 'data-warning-time="120"')
    assertContains(response, "/static/session_guard/idle-warning.js")


def test_a_signed_in_session_ends_at_its_maximum_age(signed_in, settings):
    settings.SESSION_GUARD_SIGNED_IN_MAX_AGE = 3600
    client = signed_in()
    assertContains(client.get(page()), SIGNED_IN)

    set_in_store(client, **{SIGNED_IN_AT: now() - 3600})

    response = client.get(page())
    assertNotContains(response, SIGNED_IN)
    assertContains(response, "Your session reached its time limit: sign in again.")
    assert not SignedInSession.objects.exists()
