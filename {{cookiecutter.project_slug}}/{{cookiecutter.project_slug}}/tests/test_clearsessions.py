"""`manage.py clearsessions` deletes expired sessions and keeps the others."""

{% set engine = cookiecutter.session_engine %}
{% if engine == "file" %}
import os
import time
{% else %}
from datetime import timedelta
{% endif %}

from django.conf import settings
{% if engine != "file" %}
from django.contrib.sessions.models import Session
{% endif %}
{% if engine == "cached_db" %}
from django.core.cache import caches
{% endif %}
from django.core.management import call_command
{% if engine != "file" %}
from django.db.models import F
{% endif %}

from ..testing import session_store


def new_session():
    session = session_store()
    session["note"] = "tea"
    session.save()
    return session.session_key


def expire(session_key):
    """Age a stored session past its lifetime, as time would."""
    lifetime_and_a_minute = settings.SESSION_COOKIE_AGE + 60
{% if engine == "file" %}
    path = os.path.join(
        settings.SESSION_FILE_PATH, settings.SESSION_COOKIE_NAME + session_key
    )
    long_ago = time.time() - lifetime_and_a_minute
    os.utime(path, (long_ago, long_ago))
{% else %}
    Session.objects.filter(session_key=session_key).update(
        expire_date=F("expire_date") - timedelta(seconds=lifetime_and_a_minute)
    )
{% if engine == "cached_db" %}
    caches[settings.SESSION_CACHE_ALIAS].delete(session_store(session_key).cache_key)
{% endif %}
{% endif %}


def test_clearsessions_deletes_only_expired_sessions():
    expired, current = new_session(), new_session()
    expire(expired)

    call_command("clearsessions")

    assert not session_store().exists(expired)
    assert session_store().exists(current)
    assert session_store(current).load() == {"note": "tea"}
