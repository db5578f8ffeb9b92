"""The sessions page: every session of a user, and ending one, some or all of them.

Ending works the same for every engine, signed cookies included: the session's record
goes, and the session is flushed at its next request, whoever sends it.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from ...testing import DEMO_PASSWORD, session_cookie, visitor_with_cookie
from ..devices import device_label
from ..models import RECORD_SESSION_KEY, SignedInSession

SESSIONS = reverse("accounts:sessions")
PLAYGROUND = reverse("sessions_demo:playground")
CHROME_ON_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
# The header's "Signed in as ..." (a message may say so too).
SIGNED_IN = 'class="signed-in"'
FIREFOX_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
)


@pytest.fixture
def laptop(sign_in):
    """Return a client signed in as the demo user from Chrome on Linux."""
    client = Client(headers={"User-Agent": CHROME_ON_LINUX})
    sign_in(client)
    return client


@pytest.fixture
def phone(sign_in):
    """Return a client signed in as the demo user from Firefox, with tea in its cart."""
    client = Client(headers={"User-Agent": FIREFOX_ON_WINDOWS})
    sign_in(client)
    client.post(reverse("cart:add", args=["tea"]))
    return client


def record_of(client):
    return SignedInSession.objects.get(ref=client.session[RECORD_SESSION_KEY])


def assert_signed_out_with_nothing(client):
    """Assert that a client's next request is anonymous, with an empty cart."""
    response = client.get(reverse("cart:detail"))
    assertNotContains(response, SIGNED_IN)
    assert len(response.context["cart"]) == 0


def test_the_page_asks_a_visitor_to_sign_in_first(client):
    response = client.get(SESSIONS)

    assertRedirects(response, f"{reverse('login')}?next={SESSIONS}")


def test_the_page_lists_each_session_with_this_one_marked(laptop, phone):
    response = laptop.get(SESSIONS)

    assertContains(response, "Chrome on Linux")
    assertContains(response, "Firefox on Windows")
    assertContains(response, "this device", count=1)
    assert response.context["records"][0].device == "Chrome on Linux"
    assertContains(response, "Sign out everywhere else")


def test_the_page_lists_no_session_of_another_user(laptop, django_user_model):
    other = Client(headers={"User-Agent": FIREFOX_ON_WINDOWS})
    other.force_login(django_user_model.objects.create_user("other"))

    response = laptop.get(SESSIONS)

    records = response.context["records"]
    assert [record.user.username for record in records] == ["demo"]


def test_the_page_shows_no_session_key_and_nothing_stores_an_address(sign_in):
    client = Client(headers={"User-Agent": CHROME_ON_LINUX}, REMOTE_ADDR="203.0.113.9")
    sign_in(client)

    response = client.get(SESSIONS)

    assertNotContains(response, session_cookie(client).value)
    record = record_of(client)
    stored = [str(getattr(record, field.attname)) for field in record._meta.fields]
    assert not [value for value in stored if "203.0.113" in value]
    assert "203.0.113" not in str(dict(client.session))


def test_ending_another_session_leaves_it_anonymous_and_empty(laptop, phone):
    copied = session_cookie(phone).value

    response = laptop.post(
        reverse("accounts:end_session", args=[record_of(phone).ref]), follow=True
    )

    assertContains(response, "Ended the session on Firefox on Windows.")
    assertNotContains(response, "Firefox on Windows</h2>")
    assert_signed_out_with_nothing(phone)
    # Whoever sends that session's cookie again, a copy of a signed cookie included.
    assert_signed_out_with_nothing(visitor_with_cookie(copied))
    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)


def test_ending_this_session_signs_out(laptop, phone):
    response = laptop.post(
        reverse("accounts:end_session", args=[record_of(laptop).ref]), follow=True
    )

    assertContains(response, "Signed out")
    assert_signed_out_with_nothing(laptop)
    assertContains(phone.get(PLAYGROUND), SIGNED_IN)


def test_signing_out_everywhere_else_keeps_only_this_session(laptop, phone, sign_in):
    tablet = Client()
    sign_in(tablet)

    response = laptop.post(reverse("accounts:end_others"), follow=True)

    assertContains(response, "ended 2 other sessions")
    assert_signed_out_with_nothing(phone)
    assert_signed_out_with_nothing(tablet)
    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)
    assert len(laptop.get(SESSIONS).context["records"]) == 1


def test_a_copy_of_a_signed_out_session_is_worthless(phone):
    copied = session_cookie(phone).value

    phone.post(reverse("logout"))

    assert_signed_out_with_nothing(visitor_with_cookie(copied))


def test_a_new_password_ends_every_other_session_and_keeps_this_one(laptop, phone):
    laptop.post(
        reverse("password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "a new horse battery 44",
            "new_password2": "a new horse battery 44",
        },
    )

    assert_signed_out_with_nothing(phone)
    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)
    records = laptop.get(SESSIONS).context["records"]
    assert [record.is_current for record in records] == [True]


def test_a_password_set_elsewhere_ends_every_session(laptop, phone, demo_user):
    demo_user.set_password("set by an administrator 45")
    demo_user.save()

    assert not SignedInSession.objects.exists()
    assert_signed_out_with_nothing(laptop)
    assert_signed_out_with_nothing(phone)


def test_saving_a_user_without_a_new_password_ends_nothing(laptop, demo_user):
    demo_user.first_name = "Dee"
    demo_user.save()

    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)


def test_a_session_of_another_user_cannot_be_ended(laptop, django_user_model):
    other = Client()
    other.force_login(django_user_model.objects.create_user("other"))

    response = laptop.post(reverse("accounts:end_session", args=[record_of(other).ref]))

    assert response.status_code == 404
    assertContains(other.get(PLAYGROUND), SIGNED_IN)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/accounts/sessions/00000000-0000-4000-8000-000000000000/end/", 405),
        ("post", "/accounts/sessions/not-a-ref/end/", 404),
        ("post", "/accounts/sessions/00000000-0000-4000-8000-000000000000/end/", 404),
        ("get", "/accounts/sessions/end-others/", 405),
    ],
    ids=["end-by-get", "malformed-ref", "unknown-ref", "end-others-by-get"],
)
def test_a_bad_request_gets_a_4xx(laptop, method, path, status):
    assert getattr(laptop, method)(path).status_code == status
    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)


def test_last_activity_is_written_at_most_once_a_minute(laptop):
    record = record_of(laptop)
    recently = timezone.now() - timedelta(seconds=30)
    SignedInSession.objects.filter(pk=record.pk).update(last_active_at=recently)

    laptop.get(PLAYGROUND)
    record.refresh_from_db()
    assert record.last_active_at == recently

    two_minutes_ago = timezone.now() - timedelta(minutes=2)
    SignedInSession.objects.filter(pk=record.pk).update(last_active_at=two_minutes_ago)
    laptop.get(PLAYGROUND)
    record.refresh_from_db()
    assert timezone.now() - record.last_active_at < timedelta(seconds=5)


def test_clearsessions_deletes_the_records_of_expired_sessions(laptop, phone):
    long_ago = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE, hours=1)
    SignedInSession.objects.filter(pk=record_of(phone).pk).update(
        last_active_at=long_ago
    )
    assert len(laptop.get(SESSIONS).context["records"]) == 1  # not listed...

    call_command("clearsessions")

    assert list(SignedInSession.objects.all()) == [record_of(laptop)]  # ...nor kept


def test_a_session_signed_in_before_records_existed_gets_one(laptop):
    session = laptop.session
    del session[RECORD_SESSION_KEY]
    session.save()
    SignedInSession.objects.all().delete()
    # A signed cookie's key is its data, which saving changed.
    laptop.cookies[settings.SESSION_COOKIE_NAME] = session.session_key

    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)
    assertContains(laptop.get(SESSIONS), "this device")


def test_staff_see_and_end_sessions_in_the_admin(laptop, phone, admin_client):
    changelist = reverse("admin:accounts_signedinsession_changelist")
    response = admin_client.get(changelist, {"q": "demo"})
    assertContains(response, "Firefox on Windows")

    admin_client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [record_of(phone).pk],
            "post": "yes",
        },
    )

    assert_signed_out_with_nothing(phone)
    assertContains(laptop.get(PLAYGROUND), SIGNED_IN)


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


def test_the_record_lookup_gives_aware_times_and_nothing_for_a_bad_ref(laptop):
    record = record_of(laptop)

    started_at, last_active_at = SignedInSession.objects.times_of(str(record.ref))

    assert (started_at, last_active_at) == (record.started_at, record.last_active_at)
    assert SignedInSession.objects.times_of("not a ref") is None
