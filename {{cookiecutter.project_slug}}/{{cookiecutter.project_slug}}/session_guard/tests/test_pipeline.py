"""Each request reads its session once, locked first where it may change it."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..conf import guard_settings
from ..locks import lock_for_engine
from ..middleware import SessionGuardMiddleware
from ..models import SignedInSession
from ..stores import keeps_sessions_on_the_server
from ..testing import session_cookie

LOCKS = bool(guard_settings.LOCK and lock_for_engine())


def test_a_change_locks_then_reads_once(visitor, events):
    response = visitor.post(reverse("tests:add"), {"item": "cake"})

    assert response.status_code == 204
    if not LOCKS:
        assert events == ["read"]
    else:
        assert events in (["lock", "read"], ["lock and read"])


def test_a_page_that_reads_reads_once_and_locks_nothing(visitor, events, settings):
    settings.SESSION_SAVE_EVERY_REQUEST = False

    assert visitor.get(reverse("tests:page")).status_code == 200

    assert events == ["read"]


def test_a_request_that_reads_no_session_reads_nothing(visitor, events, settings):
    # (Under SESSION_SAVE_EVERY_REQUEST, Django's own middleware reads every session.)
    settings.SESSION_SAVE_EVERY_REQUEST = False

    assert visitor.post(reverse("tests:nothing")).status_code == 204

    assert events == []


def test_a_session_read_once_the_response_is_out_takes_no_lock(
    visitor, events, rf, settings
):
    settings.SESSION_SAVE_EVERY_REQUEST = False  # which reads every session itself
    # As a middleware placed before SessionGuardMiddleware might, on its way out.
    request = rf.post("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = session_cookie(visitor).value
    SessionGuardMiddleware(lambda request: HttpResponse())(request)

    assert request.session["note"] == "tea"
    assert events == ["read"]


def record_queries(client, path):
    """Return the SQL of the queries a request makes that touch the records' table."""
    table = SignedInSession._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in queries if table in query["sql"]]


@pytest.mark.skipif(not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off")
def test_a_signed_in_request_asks_for_its_record_only_for_a_signed_cookie(signed_in):
    client = signed_in()

    queries = record_queries(client, reverse("tests:page"))

    if keeps_sessions_on_the_server():
        assert queries == []  # ending such a session deletes it from its store
    else:
        [query] = queries
        assert query.startswith("SELECT 1 FROM")


def test_a_response_that_read_the_session_is_private(visitor, settings):
    settings.SESSION_SAVE_EVERY_REQUEST = False

    read = visitor.get(reverse("tests:page"))
    not_read = visitor.get(reverse("tests:nothing"))

    assert "private" in read["Cache-Control"]
    assert "Cookie" in read["Vary"]
    assert "private" not in not_read.get("Cache-Control", "")


def test_the_cookie_is_set_as_djangos_session_middleware_sets_it(client, settings):
    response = client.post(reverse("tests:note"), {"note": "tea"})

    cookie = session_cookie(response)
    assert cookie["httponly"] == (True if settings.SESSION_COOKIE_HTTPONLY else "")
    assert cookie["samesite"] == settings.SESSION_COOKIE_SAMESITE
    assert session_cookie(client).value == session_cookie(response).value
