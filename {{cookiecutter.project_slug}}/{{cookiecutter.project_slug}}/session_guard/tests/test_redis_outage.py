"""A Redis outage never turns into a server error.

Redis is "down" here by pointing the sessions cache at a port where nothing listens;
the template's own tests also stop a real Redis under running servers.
"""

{% if cookiecutter.session_engine == "cache" %}
import logging
{% endif %}
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

DEAD_REDIS = "redis://127.0.0.1:1/0"


@contextmanager
def sessions_cache_down():
    sessions_cache = {**settings.CACHES["sessions"], "LOCATION": DEAD_REDIS}
    with override_settings(CACHES={**settings.CACHES, "sessions": sessions_cache}):
        yield


@pytest.fixture
def redis_down():
    with sessions_cache_down():
        yield


def test_requests_work_while_redis_is_down(client, redis_down):
    assert client.post(reverse("tests:note"), {"note": "tea"}).status_code == 204
    assert client.post(reverse("tests:add"), {"item": "cake"}).status_code == 204
    assert client.get(reverse("tests:page")).status_code == 200
    assert client.get(reverse("tests:data")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
{% if cookiecutter.session_engine == "cached_db" %}


def test_sessions_live_on_in_the_database(client, redis_down):
    # cached_db writes to the database first: nothing is lost while Redis is away.
    client.post(reverse("tests:add"), {"item": "tea"})
    client.post(reverse("tests:add"), {"item": "cake"})

    assert client.session["items"] == ["tea", "cake"]


def test_sessions_made_before_the_outage_are_read_from_the_database(client):
    client.post(reverse("tests:add"), {"item": "tea"})

    with sessions_cache_down():
        response = client.get(reverse("tests:data"))

    assert response.json() == {"items": ["tea"]}
{% else %}


def test_visitors_get_a_fresh_session_and_the_log_says_why(client, redis_down, caplog):
    with caplog.at_level(logging.WARNING):
        client.post(reverse("tests:add"), {"item": "tea"})
        response = client.get(reverse("tests:data"))

    # The item could not be kept: the price of sessions that live in Redis alone.
    assert response.json() == {}
    assert "Session cache unreachable" in caplog.text
{% endif %}
