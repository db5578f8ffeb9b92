"""Staff end sessions: by deactivating a user, with end_sessions, in the admin.

An ended session stays ended: signing its user back in elsewhere, or reactivating
them, never brings its cookie back.
"""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ..conf import guard_settings
from ..models import SignedInSession
from ..stores import keeps_sessions_on_the_server
from ..testing import session_cookie, session_store, visitor_with_cookie
from . import is_signed_in

pytestmark = pytest.mark.skipif(
    not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off"
)


@pytest.fixture
def other(django_user_model):
    """Return a client signed in as another user, "other"."""
    client = Client()
    client.force_login(django_user_model.objects.create_user("other"))
    return client


def assert_ended_for_good(client, member):
    """Assert that a client's session is over, and stays so with its user active."""
    key = session_cookie(client).value
    member.is_active = True
    member.save()
    if keeps_sessions_on_the_server():
        assert not session_store().exists(key)
    assert not is_signed_in(visitor_with_cookie(key))


def test_deactivating_a_user_ends_their_sessions_for_good(signed_in, member, other):
    laptop, phone = signed_in(), signed_in()

    member.is_active = False
    member.save()

    assert_ended_for_good(laptop, member)
    assert_ended_for_good(phone, member)
    assert is_signed_in(other)


def test_saving_an_inactive_user_again_ends_nothing_new(signed_in, member):
    member.is_active = False
    member.save()
    signed_in()  # force_login records a session whether or not the user is active

    member.first_name = "Dee"
    member.save()

    assert SignedInSession.objects.filter(user=member).exists()


def test_end_sessions_ends_the_named_users_sessions(signed_in, member, other, capsys):
    laptop = signed_in()

    call_command("end_sessions", "--user", "member")

    assert capsys.readouterr().out == "Ended 1 signed-in session.\n"
    assert_ended_for_good(laptop, member)
    assert is_signed_in(other)


def test_end_sessions_all_ends_every_signed_in_session(signed_in, member, other):
    laptop = signed_in()

    call_command("end_sessions", "--all")

    assert_ended_for_good(laptop, member)
    assert not is_signed_in(other)
    assert not SignedInSession.objects.exists()


def test_end_sessions_names_a_user_it_does_not_know(member):
    with pytest.raises(CommandError, match="No such user: nobody."):
        call_command("end_sessions", "--user", "member", "--user", "nobody")
