"""Switching the session engine without signing anyone out.

migrate_sessions copies every live session of a server-side engine into the new one
under its key, so the visitor's cookie still finds it. SESSION_GUARD_FALLBACK_ENGINES
moves each visitor's session on their next request instead (take_from_old_engines),
which is the only way into or out of signed cookies: they live in the browsers. Either
way no data is lost, expired sessions are left behind, and doing it twice changes
nothing.
"""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.sessions.backends.base import CreateError
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.core.cache import caches
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from .conf import guard_settings
from .stores import session_store_class

# The engines a session can be copied from, by the session_engine answer's names.
SOURCES = ["db", "cached_db", "cache", "file"]
CACHE_KEY_PREFIX = "django.contrib.sessions.cache"


class CannotCopy(Exception):
    """Sessions that cannot be copied this way; the message says why and what to do."""


def live_sessions(engine, file_path=None, cache_alias="sessions"):
    """Yield (session key, data) of each live session that an engine holds."""
    if engine in ("db", "cached_db"):
        # cached_db keeps every session in the database: the cache only speeds reads.
        from django.contrib.sessions.models import Session

        store = session_store_class("db")()
        for session in Session.objects.filter(expire_date__gt=timezone.now()):
            yield session.session_key, store.decode(session.session_data)
    elif engine == "file":
        file_path = file_path or settings.SESSION_FILE_PATH
        if not file_path:
            raise CannotCopy(
                "Which folder held the session files? Give it with --file-path."
            )
        yield from live_session_files(Path(file_path))
    elif engine == "cache":
        yield from live_cached_sessions(cache_alias)
    else:
        raise CannotCopy(f"{engine!r} is not an engine sessions can be copied from.")


def live_session_files(folder):
    store = FileStore()
    prefix = settings.SESSION_COOKIE_NAME
    for path in folder.glob(f"{prefix}*"):
        key = path.name.removeprefix(prefix)
        if not key.isalnum():
            continue  # a file being written (…_out_…), or not a session
        data = store.decode(path.read_text(encoding="ascii"))
        # As the file engine reckons it: the expiry the session set, or the cookie's
        # age after the file was last written.
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=ZoneInfo("UTC"))
        expiry = data.get("_session_expiry") or modified + timedelta(
            seconds=settings.SESSION_COOKIE_AGE
        )
        if store.get_expiry_age(expiry=expiry) > 0:
            yield key, data


def live_cached_sessions(alias):
    if alias not in settings.CACHES:
        raise CannotCopy(
            f"No cache {alias!r} in CACHES: keep the old engine's cache there until "
            "the sessions are copied, or name it with --cache-alias."
        )
    cache = caches[alias]
    if not hasattr(cache, "iter_keys"):
        raise CannotCopy(
            f"Cache {alias!r} cannot list its keys: only sessions in Redis "
            "(django-redis) can be copied. A local-memory cache belongs to the "
            "process that filled it."
        )
    for listed in cache.iter_keys(f"{CACHE_KEY_PREFIX}*"):
        # django-redis cuts a listed key wrongly when KEY_PREFIX holds a colon, as
        # ours does: take what follows the engine's own prefix.
        session_key = listed.rpartition(CACHE_KEY_PREFIX)[2]
        if not session_key.isalnum():
            continue  # a cached_db session (django.contrib.sessions.cached_db…)
        data = cache.get(CACHE_KEY_PREFIX + session_key)
        if data is not None:  # not expired since it was listed
            yield session_key, data


def copy_sessions(sessions, dry_run=False):
    """Save each (key, data) in the engine in force under its key.

    Return how many were copied (or would be) and how many were there already.
    """
    target = session_store_class()
    copied = present = 0
    for key, data in sessions:
        store = target(key)
        if store.exists(key):
            present += 1
            continue
        if not dry_run:
            store._session_cache = dict(data)
            try:
                store.save(must_create=True)
            except CreateError:  # made meanwhile, by the visitor's own request
                present += 1
                continue
        copied += 1
    return copied, present


def engine_short_name(path):
    """Return "db" for "django.contrib.sessions.backends.db", and so on."""
    return path.rsplit(".", 1)[-1]


def take_from_old_engines(session_key):
    """Return the data of a live session an engine of SESSION_GUARD_FALLBACK_ENGINES
    holds under this key, deleted from there; or None.

    They are tried in turn, as SECRET_KEY_FALLBACKS is for a signature. The old cookie
    is worth nothing from then on: the session gets a new key where it moves.
    """
    for engine in guard_settings.FALLBACK_ENGINES:
        store = session_store_class(engine)(session_key)
        try:
            data = store.load()
        except SuspiciousOperation:
            continue  # the file engine's word for a key none of its files has
        if data:
            store.delete(session_key)
            return data
    return None
