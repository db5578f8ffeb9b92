"""The project's own user model is the one that Django and its admin use."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.urls import reverse
from pytest_django.asserts import assertContains

from ...session_guard.conf import guard_settings
from ...session_guard.models import SignedInSession
from ..models import User

PASSWORD = "correct horse battery 43"


def test_the_user_model_is_the_projects_own():
    assert get_user_model() is User
    assert issubclass(User, AbstractUser)


def test_create_user_keeps_a_hash_of_the_password_never_the_password():
    user = get_user_model().objects.create_user("ann", password=PASSWORD)

    user.refresh_from_db()
    assert PASSWORD not in user.password
    assert user.check_password(PASSWORD)
    assert not user.check_password("another password")


def test_the_admin_lists_users(admin_client):
    get_user_model().objects.create_user("ann")

    response = admin_client.get(reverse("admin:users_user_changelist"))

    assertContains(response, ">ann</a>")


def test_the_admin_adds_a_user_with_a_hashed_password(admin_client):
    response = admin_client.post(
        reverse("admin:users_user_add"),
        {
            "username": "ann",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302, response.content.decode()
    user = get_user_model().objects.get(username="ann")
    assert PASSWORD not in user.password
    assert user.check_password(PASSWORD)


@pytest.mark.skipif(
    not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off: no records"
)
def test_the_admin_ends_the_selected_users_sessions(admin_client, client):
    ann = get_user_model().objects.create_user("ann")
    client.force_login(ann)

    response = admin_client.post(
        reverse("admin:users_user_changelist"),
        {"action": "end_sessions", "_selected_action": [ann.pk]},
        follow=True,
    )

    assertContains(response, "Ended 1 signed-in session.")
    assert not SignedInSession.objects.filter(user=ann).exists()
    assert client.get(reverse("pages:home")).context["user"].is_anonymous
