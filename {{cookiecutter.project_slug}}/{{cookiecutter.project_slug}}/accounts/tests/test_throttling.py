"""Too many failed sign-ins lock a username for a while, on the site and the admin."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from ...testing import DEMO_PASSWORD

SIGN_IN_PAGES = ["login", "admin:login"]


def sign_in_with(client, page, password, username="demo"):
    return client.post(reverse(page), {"username": username, "password": password})


def fail_until_locked(client, page):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_with(client, page, "wrong horse")


@pytest.fixture
def staff_user(demo_user):
    demo_user.is_staff = True
    demo_user.save()
    return demo_user


@pytest.mark.parametrize("page", SIGN_IN_PAGES)
def test_the_right_password_is_refused_once_a_username_is_locked(
    client, staff_user, page
):
    fail_until_locked(client, page)

    response = sign_in_with(client, page, DEMO_PASSWORD)

    assertContains(response, "Too many failed sign-ins", status_code=429)
    assertContains(response, 'name="password"', status_code=429)  # the form again
    assert "_auth_user_id" not in client.session


def test_the_failures_before_the_limit_leave_the_username_open(client, demo_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in_with(client, "login", "wrong horse")

    assert sign_in_with(client, "login", DEMO_PASSWORD).status_code == 302


def test_a_locked_username_leaves_other_usernames_open(client, demo_user):
    fail_until_locked(client, "login")
    call_command("create_demo_user", "--username", "other", "--password", "x" * 20)

    assert sign_in_with(client, "login", "x" * 20, username="other").status_code == 302


def test_the_reset_command_unlocks_a_username(client, demo_user):
    fail_until_locked(client, "login")

    call_command("axes_reset_username", "demo")

    assert sign_in_with(client, "login", DEMO_PASSWORD).status_code == 302


def test_failures_are_counted_without_an_ip_address(client, demo_user):
    sign_in_with(client, "login", "wrong horse")

    if settings.AXES_HANDLER.endswith("AxesCacheHandler"):
        assert not AccessAttempt.objects.exists()  # in the cache, as the sessions
    else:
        [attempt] = AccessAttempt.objects.all()
        assert attempt.username == "demo"
        assert attempt.ip_address is None
    assert not AccessLog.objects.exists()
