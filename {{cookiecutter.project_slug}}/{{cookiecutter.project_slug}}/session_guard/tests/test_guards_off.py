"""Each guard has a setting that turns it off, and off it costs nothing."""

from django.urls import reverse
from pytest_django.asserts import assertNotContains

from ..models import SignedInSession
from . import is_signed_in


def test_without_records_signing_in_makes_none_and_the_page_is_not_found(
    settings, signed_in
):
    settings.SESSION_GUARD_RECORDS = False
    client = signed_in()

    assert not SignedInSession.objects.exists()
    assert client.get(reverse("session_guard:sessions")).status_code == 404
    assertNotContains(client.get(reverse("login")), "Your sessions")
    assert is_signed_in(client)


def test_without_the_lock_a_change_reads_without_one(settings, visitor, events):
    settings.SESSION_GUARD_LOCK = False

    assert visitor.post(reverse("tests:add"), {"item": "cake"}).status_code == 204

    assert events == ["read"]


def test_without_an_idle_timeout_an_idle_session_goes_on(settings, visitor):
    settings.SESSION_GUARD_IDLE_TIMEOUT = 0
    session = visitor.session
    session["_session_guard_active_at"] = 0  # noted in 1970
    session.save()

    assert visitor.get(reverse("tests:data")).json() == {"note": "tea"}
