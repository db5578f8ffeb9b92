"""Switching the session engine: migrate_sessions copies every live session across.

Every ordered pair of db, cached_db, cache and file, with the settings changed in
process; sessions are copied out of a cache only where it is Redis.
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

from ...testing import session_cookie, session_store

ENGINES = ["db", "cached_db", "cache", "file"]
PAIRS = [(old, new) for old in ENGINES for new in ENGINES if old != new]
SIGNED_IN = 'class="signed-in"'


@pytest.fixture
def use_engine(settings, tmp_path, monkeypatch):
    """Return a function that makes one of ENGINES the engine in force."""
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    # The file engine keeps the folder it first saw on its class.
    monkeypatch.setattr(FileStore, "_storage_path", str(folder), raising=False)
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

    def use(engine):
        settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{engine}"

    yield use
    cache = caches["sessions"]
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


def redis_or_skip(engine, settings):
    if engine == "cache" and "Redis" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip(
            "sessions are copied out of a Redis cache only (cache_backend=redis)"
        )


def migrate_sessions(*arguments):
    output = StringIO()
    call_command("migrate_sessions", *arguments, stdout=output)
    return output.getvalue()


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{o}-to-{n}" for o, n in PAIRS])
def test_every_live_session_moves_with_its_key(
    use_engine, old, new, demo_user, settings
):
    redis_or_skip(old, settings)
    use_engine(old)
    shopper = Client()
    shopper.post(reverse("cart:add", args=["tea"]))
    member = Client()
    member.force_login(demo_user)
    expired = session_store()
    expired["cart"] = {"cake": 1}
    expired.set_expiry(timezone.now() - timedelta(seconds=5))
    expired.save()

    use_engine(new)
    report = migrate_sessions("--from", old)

    # db and cached_db share the database's table: nothing to copy between them.
    copied, present = (0, 2) if {old, new} == {"db", "cached_db"} else (2, 0)
    assert report.startswith(
        f"Copied {copied} live sessions from {old} into {new}; {present} were"
    )
    cart = shopper.get(reverse("cart:detail")).context["cart"]
    assert dict(cart.items()) == {"tea": 1}
    assert SIGNED_IN in member.get(reverse("cart:detail")).content.decode()
    assert session_store(expired.session_key).load() == {}
    # Again: nothing changes.
    assert migrate_sessions("--from", old).startswith("Copied 0 live sessions")


def test_a_dry_run_counts_and_copies_nothing(use_engine, client):
    use_engine("db")
    client.post(reverse("cart:add", args=["tea"]))
    use_engine("file")

    assert migrate_sessions("--from", "db", "--dry-run").startswith(
        "Would copy 1 live session from db into file"
    )
    assert not session_store().exists(session_cookie(client).value)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "db"], "is 'db' already"),
        (["--from", "signed_cookies"], "live in the visitors' browsers"),
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
