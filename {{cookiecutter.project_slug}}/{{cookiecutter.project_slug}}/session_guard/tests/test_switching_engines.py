"""Switching the session engine signs nobody out and loses no data.

migrate_sessions copies sessions between every ordered pair of db, cached_db, cache
and file (out of a cache only where it is Redis); SESSION_GUARD_FALLBACK_ENGINES moves
each visitor's session on their next request, which is how sessions move to and from
signed cookies. Settings change in process; each "restarted" client is the visitor's
browser, cookies and all, talking to a server started on the new settings.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..checks import check_fallback_engines
from ..conf import guard_settings
from ..idle import RECORD
from ..models import SignedInSession
from ..session import guarded
from ..switching import SOURCES as SERVER_SIDE
from ..testing import session_cookie, session_store, visitor_with_cookie
from . import is_signed_in

COPY_PAIRS = [(old, new) for old in SERVER_SIDE for new in SERVER_SIDE if old != new]
FALLBACK_PAIRS = [("signed_cookies", new) for new in SERVER_SIDE] + [
    (old, "signed_cookies") for old in SERVER_SIDE
]


def pair_ids(pairs):
    return [f"{old}-to-{new}" for old, new in pairs]


def engine_path(engine):
    return f"django.contrib.sessions.backends.{engine}"


@pytest.fixture
def use_engine(settings, tmp_path, monkeypatch):
    """Return a function that makes an engine the one in force, with fallbacks."""
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    # The file engine keeps the folder it first saw on its class, and on the class
    # SessionGuardMiddleware makes of it.
    for store_class in (FileStore, guarded(FileStore)):
        monkeypatch.setattr(store_class, "_storage_path", str(folder), raising=False)
    settings.SESSION_FILE_PATH = str(folder)
    default = settings.CACHES["default"]
    settings.CACHES = {
        **settings.CACHES,
        "sessions": {
            **default,
            "KEY_PREFIX": f"{default.get('KEY_PREFIX', '')}:switch",
        },
    }
    settings.SESSION_CACHE_ALIAS = "sessions"

    def use(engine, fallbacks=()):
        settings.SESSION_ENGINE = engine_path(engine)
        settings.SESSION_GUARD_FALLBACK_ENGINES = [engine_path(e) for e in fallbacks]

    yield use
    cache = caches["sessions"]
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


def restarted(client):
    """Return the browser of client's visitor, for a server started since."""
    browser = Client()
    browser.cookies = client.cookies
    return browser


def visitors(user):
    """Return a visitor with a note, a signed-in member, an expired cookie."""
    visitor = Client()
    visitor.post(reverse("tests:note"), {"note": "tea"})
    member = Client()
    member.force_login(user)
    expired = session_store()
    expired["note"] = "cake"
    expired.set_expiry(timezone.now() - timedelta(seconds=5))
    expired.save()
    return visitor, member, visitor_with_cookie(expired.session_key)


def data_shown_to(client):
    """Return the session's data as the client's next request finds it."""
    return client.get(reverse("tests:data")).json()


def redis_or_skip(engine, settings):
    if engine == "cache" and "Redis" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip(
            "sessions are copied out of a Redis cache only (cache_backend=redis)"
        )


def migrate_sessions(*arguments):
    output = StringIO()
    call_command("migrate_sessions", *arguments, stdout=output)
    return output.getvalue()


@pytest.mark.parametrize(("old", "new"), COPY_PAIRS, ids=pair_ids(COPY_PAIRS))
def test_migrate_sessions_copies_every_live_session_with_its_key(
    use_engine, old, new, member, settings
):
    redis_or_skip(old, settings)
    use_engine(old)
    visitor, member, expired = visitors(member)

    use_engine(new)
    report = migrate_sessions("--from", old)
    visitor, member, expired = map(restarted, (visitor, member, expired))

    # db and cached_db share the database's table: nothing to copy between them.
    copied, present = (0, 2) if {old, new} == {"db", "cached_db"} else (2, 0)
    assert report.startswith(
        f"Copied {copied} live sessions from {old} into {new}; {present} were"
    )
    assert data_shown_to(visitor) == {"note": "tea"}
    assert is_signed_in(member)
    assert data_shown_to(expired) == {}
    # Again: nothing changes.
    assert migrate_sessions("--from", old).startswith("Copied 0 live sessions")


# A signed cookie is a longer cache key than memcached takes; this project has none.
@pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")
@pytest.mark.parametrize(("old", "new"), FALLBACK_PAIRS, ids=pair_ids(FALLBACK_PAIRS))
def test_a_fallback_engine_moves_each_session_on_its_next_request(
    use_engine, old, new, member
):
    use_engine(old)
    visitor, member, expired = visitors(member)
    old_cookie = session_cookie(visitor).value

    use_engine(new, fallbacks=[old])
    visitor, member, expired = map(restarted, (visitor, member, expired))

    assert data_shown_to(visitor) == {"note": "tea"}
    assert session_cookie(visitor).value != old_cookie
    assert is_signed_in(member)
    # Moved: read from the new engine now, and again.
    assert session_store(session_cookie(visitor).value).load()["note"] == "tea"
    assert data_shown_to(visitor) == {"note": "tea"}
    assert is_signed_in(member)
    if new != "signed_cookies" and guard_settings.RECORDS:
        # The record follows its session to its new key.
        record = SignedInSession.objects.get(ref=member.session[RECORD])
        assert record.session_key == session_cookie(member).value
    if old != "signed_cookies":
        # Deleted from the old engine; an expired session stays behind. (A signed
        # cookie is in the visitor's hands: it expires with its signature.)
        assert data_shown_to(visitor_with_cookie(old_cookie)) == {}
        assert data_shown_to(expired) == {}


@pytest.mark.skipif(not guard_settings.RECORDS, reason="SESSION_GUARD_RECORDS is off")
@pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")
def test_a_signed_cookie_ended_before_it_moved_stays_ended(use_engine, member):
    use_engine("signed_cookies")
    _, signed_in, _ = visitors(member)
    SignedInSession.objects.all().delete()

    use_engine("db", fallbacks=["signed_cookies"])

    assert not is_signed_in(restarted(signed_in))


@pytest.mark.parametrize(
    "cookie", ["not-a-session", "x" * 32 + ":../../etc/passwd"], ids=["unknown", "bad"]
)
def test_a_cookie_no_engine_knows_is_a_new_visitor(use_engine, cookie):
    use_engine("db", fallbacks=["file", "signed_cookies", "cache"])

    assert data_shown_to(visitor_with_cookie(cookie)) == {}


def test_a_dry_run_counts_and_copies_nothing(use_engine, client):
    use_engine("db")
    client.post(reverse("tests:note"), {"note": "tea"})
    use_engine("file")

    assert migrate_sessions("--from", "db", "--dry-run").startswith(
        "Would copy 1 live session from db into file"
    )
    assert not session_store().exists(session_cookie(client).value)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "db"], "is 'db' already"),
        (["--from", "signed_cookies"], "SESSION_GUARD_FALLBACK_ENGINES instead"),
        (["--from", "cache", "--cache-alias", "nowhere"], "No cache 'nowhere'"),
    ],
    ids=["same-engine", "signed-cookies", "no-such-cache"],
)
def test_what_cannot_be_copied_is_refused_with_the_reason(
    use_engine, arguments, message
):
    use_engine("db")

    with pytest.raises(CommandError, match=message):
        migrate_sessions(*arguments)


def test_fallback_engines_that_cannot_serve_are_errors(use_engine, settings):
    use_engine("db", fallbacks=["db"])
    settings.SESSION_GUARD_FALLBACK_ENGINES += ["sessions.nowhere"]

    messages = [error.msg for error in check_fallback_engines(None)]

    assert [error.id for error in check_fallback_engines(None)] == [
        "session_guard.E006"
    ] * 2
    assert "is SESSION_ENGINE itself" in messages[0]
    assert "cannot be imported" in messages[1]
    use_engine("db", fallbacks=["file"])
    assert check_fallback_engines(None) == []
