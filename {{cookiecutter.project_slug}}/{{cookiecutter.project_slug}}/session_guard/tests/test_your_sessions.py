"""Your sessions: every session of a user, and ending one, some or all of them.

Ending works for every engine: a session kept on the server is deleted from its store
at once, and a signed cookie is refused at its next request, whoever sends it.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from ..conf import guard_settings
from ..devices import device_label
from ..idle import ACTIVE_AT, RECORD
from ..models import SignedInSession
from ..stores import keeps_sessions_on_the_server
from ..testing import session_cookie, session_store, visitor_with_cookie
from . import MEMBER_PASSWORD, SIGNED_IN

pytestmark = pytest.mark.skipif(
    not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off"
)
SESSIONS = reverse("session_guard:sessions")
CHROME_ON_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
FIREFOX_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
)


def sign_in_from(client, member, user_agent):
    """Sign a client in on the sign-in page, from a browser of this User-Agent."""
    client.defaults["HTTP_USER_AGENT"] = user_agent
    response = client.post(
        reverse("login"),
        {"username": member.get_username(), "password": MEMBER_PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()
    return client


@pytest.fixture
def laptop(member):
    """Return a client signed in as the member from Chrome on Linux."""
    return sign_in_from(Client(), member, CHROME_ON_LINUX)


@pytest.fixture
def phone(member):
    """Return a client signed in from Firefox on Windows, with a note."""
    client = sign_in_from(Client(), member, FIREFOX_ON_WINDOWS)
    client.post(reverse("tests:note"), {"note": "tea"})
    return client


def record_of(client):
    return SignedInSession.objects.get(ref=client.session[RECORD])


def assert_signed_out_with_nothing(client):
    """Assert that a client's next request is anonymous, with an empty session."""
    assertNotContains(client.get(reverse("tests:page")), SIGNED_IN)
    assert client.get(reverse("tests:data")).json() == {}


def test_the_page_asks_a_visitor_to_sign_in_first(client):
    response = client.get(SESSIONS)

    assertRedirects(
        response, f"{reverse('login')}?next={SESSIONS}", fetch_redirect_response=False
    )


def test_the_page_lists_each_session_with_this_one_marked(laptop, phone):
    response = laptop.get(SESSIONS)

    assertContains(response, "Chrome on Linux")
    assertContains(response, "Firefox on Windows")
    assertContains(response, "this device", count=1)
    assert response.context["records"][0].device == "Chrome on Linux"
    assertContains(response, "Sign out everywhere else")


def test_no_cache_keeps_the_page(laptop):
    response = laptop.get(SESSIONS)

    assert "no-store" in response["Cache-Control"]


def test_the_page_lists_no_session_of_another_user(laptop, django_user_model):
    other = Client()
    other.force_login(django_user_model.objects.create_user("other"))

    response = laptop.get(SESSIONS)

    assert [record.user.username for record in response.context["records"]] == [
        "member"
    ]


def test_the_page_shows_no_session_key_and_nothing_stores_an_address(member):
    client = Client(REMOTE_ADDR="203.0.113.9")
    sign_in_from(client, member, CHROME_ON_LINUX)

    response = client.get(SESSIONS)

    assertNotContains(response, session_cookie(client).value)
    record = record_of(client)
    stored = [str(getattr(record, field.attname)) for field in record._meta.fields]
    assert not [value for value in stored if "203.0.113" in value]
    assert "203.0.113" not in str(dict(client.session))


def test_a_record_holds_the_key_of_a_session_on_the_server_only(laptop):
    expected = session_cookie(laptop).value if keeps_sessions_on_the_server() else ""

    assert record_of(laptop).session_key == expected


def test_ending_another_session_leaves_it_anonymous_and_empty(laptop, phone):
    copied = session_cookie(phone).value

    response = laptop.post(
        reverse("session_guard:end_session", args=[record_of(phone).ref]),
        follow=True,
    )

    assertContains(response, "Ended the session on Firefox on Windows.")
    assertNotContains(response, "Firefox on Windows</h2>")
    if keeps_sessions_on_the_server():
        assert not session_store().exists(copied)  # gone from its store at once
    assert_signed_out_with_nothing(phone)
    # Whoever sends that session's cookie again, a copy of a signed cookie included.
    assert_signed_out_with_nothing(visitor_with_cookie(copied))
    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)


def test_ending_this_session_signs_out(laptop, phone):
    response = laptop.post(
        reverse("session_guard:end_session", args=[record_of(laptop).ref])
    )

    assert response.status_code == 302
    assert_signed_out_with_nothing(laptop)
    assertContains(phone.get(reverse("tests:page")), SIGNED_IN)


def test_signing_out_everywhere_else_keeps_only_this_session(laptop, phone, member):
    tablet = sign_in_from(Client(), member, FIREFOX_ON_WINDOWS)

    response = laptop.post(reverse("session_guard:end_others"), follow=True)

    assertContains(response, "ended 2 other sessions")
    assert_signed_out_with_nothing(phone)
    assert_signed_out_with_nothing(tablet)
    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)
    assert len(laptop.get(SESSIONS).context["records"]) == 1


def test_a_copy_of_a_signed_out_session_is_worthless(phone):
    copied = session_cookie(phone).value

    phone.post(reverse("logout"))

    assert not SignedInSession.objects.filter(session_key=copied).exists()
    assert_signed_out_with_nothing(visitor_with_cookie(copied))


def test_signing_in_again_keeps_one_record(laptop, member):
    ref = laptop.session[RECORD]

    sign_in_from(laptop, member, FIREFOX_ON_WINDOWS)

    assert [str(record.ref) for record in SignedInSession.objects.all()] == [ref]
    assert record_of(laptop).device == "Firefox on Windows"


def test_signing_in_as_another_user_ends_the_first_ones_record(
    laptop, django_user_model
):
    other = django_user_model.objects.create_user("other", password=MEMBER_PASSWORD)
    ref = laptop.session[RECORD]

    sign_in_from(laptop, other, CHROME_ON_LINUX)

    assert not SignedInSession.objects.filter(ref=ref).exists()
    assert record_of(laptop).user == other


def test_a_new_password_ends_every_other_session_and_keeps_this_one(
    laptop, phone, member
):
    laptop.post(
        reverse("password_change"),
        {
            "old_password": MEMBER_PASSWORD,
            "new_password1": "a new horse battery 44",
            "new_password2": "a new horse battery 44",
        },
    )

    assert_signed_out_with_nothing(phone)
    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)
    records = laptop.get(SESSIONS).context["records"]
    assert [record.is_current for record in records] == [True]
    assert record_of(laptop).session_key in ("", session_cookie(laptop).value)


def test_a_password_set_elsewhere_ends_every_session(laptop, phone, member):
    member.set_password("set by an administrator 45")
    member.save()

    assert not SignedInSession.objects.exists()
    assert_signed_out_with_nothing(laptop)
    assert_signed_out_with_nothing(phone)


def test_saving_a_user_without_a_new_password_ends_nothing(laptop, member):
    member.first_name = "Dee"
    member.save()

    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)


def test_deleting_a_user_ends_their_sessions(laptop, member):
    key = session_cookie(laptop).value

    member.delete()

    if keeps_sessions_on_the_server():
        assert not session_store().exists(key)
    assert_signed_out_with_nothing(laptop)


def test_a_session_of_another_user_cannot_be_ended(laptop, django_user_model):
    other = Client()
    other.force_login(django_user_model.objects.create_user("other"))

    response = laptop.post(
        reverse("session_guard:end_session", args=[record_of(other).ref])
    )

    assert response.status_code == 404
    assertContains(other.get(reverse("tests:page")), SIGNED_IN)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", f"{SESSIONS}00000000-0000-4000-8000-000000000000/end/", 405),
        ("post", f"{SESSIONS}not-a-ref/end/", 404),
        ("post", f"{SESSIONS}00000000-0000-4000-8000-000000000000/end/", 404),
        ("get", f"{SESSIONS}end-others/", 405),
    ],
    ids=["end-by-get", "malformed-ref", "unknown-ref", "end-others-by-get"],
)
def test_a_bad_request_gets_a_4xx(laptop, method, path, status):
    assert getattr(laptop, method)(path).status_code == status
    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)


def active_at(client, seconds_ago):
    """Make the client's session and its record look last active seconds ago."""
    session = client.session
    session[ACTIVE_AT] = int(timezone.now().timestamp()) - seconds_ago
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    SignedInSession.objects.filter(ref=session[RECORD]).update(
        last_active_at=timezone.now() - timedelta(seconds=seconds_ago)
    )
    return record_of(client).last_active_at


def test_last_activity_is_written_at_most_once_a_minute(laptop):
    recently = active_at(laptop, 30)
    laptop.get(reverse("tests:page"))
    assert record_of(laptop).last_active_at == recently

    active_at(laptop, 120)
    before = timezone.now()
    laptop.get(reverse("tests:page"))
    assert record_of(laptop).last_active_at >= before


def test_clearsessions_deletes_the_records_of_expired_sessions(laptop, phone):
    long_ago = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE, hours=1)
    SignedInSession.objects.filter(pk=record_of(phone).pk).update(
        last_active_at=long_ago
    )
    assert len(laptop.get(SESSIONS).context["records"]) == 1  # not listed...

    call_command("clearsessions")

    assert list(SignedInSession.objects.all()) == [record_of(laptop)]  # ...nor kept


def test_a_session_signed_in_without_a_record_is_signed_out(laptop):
    # Such as one signed in before its project kept records.
    session = laptop.session
    del session[RECORD]
    session.save()
    laptop.cookies[settings.SESSION_COOKIE_NAME] = session.session_key

    assert_signed_out_with_nothing(laptop)


def test_staff_see_and_end_sessions_in_the_admin(laptop, phone, admin_client):
    changelist = reverse("admin:session_guard_signedinsession_changelist")
    response = admin_client.get(changelist, {"q": "member"})
    assertContains(response, "Firefox on Windows")
    assertNotContains(response, session_cookie(phone).value)

    admin_client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [record_of(phone).pk],
            "post": "yes",
        },
    )

    assert_signed_out_with_nothing(phone)
    assertContains(laptop.get(reverse("tests:page")), SIGNED_IN)


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (CHROME_ON_LINUX, "Chrome on Linux"),
        (FIREFOX_ON_WINDOWS, "Firefox on Windows"),
        ("curl/8.5.0", "curl"),
        ("", "Unknown browser"),
        ("x" * 100_000, "Unknown browser"),
    ],
    ids=["chrome", "firefox", "curl", "none", "huge"],
)
def test_the_device_label_names_browser_and_system(user_agent, label):
    assert device_label(user_agent) == label


def test_a_record_is_found_by_its_ref_and_a_bad_ref_finds_none(laptop):
    ref = str(record_of(laptop).ref)

    assert SignedInSession.objects.exists_with_ref(ref)
    assert not SignedInSession.objects.exists_with_ref("not a ref")
    assert not SignedInSession.objects.exists_with_ref(
        "00000000-0000-4000-8000-000000000000"
    )
