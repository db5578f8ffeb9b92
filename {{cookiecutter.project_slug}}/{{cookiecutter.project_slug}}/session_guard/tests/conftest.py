"""Fixtures of session_guard's tests, which use views of their own (views.py)."""

from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse

from .. import middleware
from ..locks import lock_for_engine
from ..stores import session_store_class
from ..waiting import UNREAD
from . import MEMBER_PASSWORD, urls


@pytest.fixture(autouse=True)
def _test_views(settings):
    """Serve the tests' own views beside the project's pages."""
    settings.ROOT_URLCONF = urls.__name__


@pytest.fixture
def visitor(client):
    """Return a client whose session holds a note, "tea"."""
    client.post(reverse("tests:note"), {"note": "tea"})
    return client


@pytest.fixture
def member(django_user_model):
    """Return a user "member" whose password is MEMBER_PASSWORD."""
    return django_user_model.objects.create_user("member", password=MEMBER_PASSWORD)


@pytest.fixture
def signed_in(member):
    """Return a function that makes a client signed in as the member."""

    def sign_in(client=None, **headers):
        client = client or Client(headers=headers)
        client.force_login(member)
        return client

    return sign_in


@pytest.fixture
def events(monkeypatch):
    """Return the list that each lock taken and each read of a session is added to."""
    events = []
    lock = lock_for_engine()

    @contextmanager
    def telling(session_key):
        with lock(session_key) as row:
            events.append("lock" if row is UNREAD else "lock and read")
            yield row

    if lock is not None:
        monkeypatch.setattr(middleware, "lock_for_engine", lambda: telling)
    store_class = session_store_class()
    load = store_class.load

    def load_and_tell(self):
        events.append("read")
        return load(self)

    monkeypatch.setattr(store_class, "load", load_and_tell)
    return events
