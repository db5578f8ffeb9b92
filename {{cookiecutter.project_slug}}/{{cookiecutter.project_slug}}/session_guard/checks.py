"""System checks for the pitfalls of each session engine.

They run with every manage.py command; those that only matter on a server run with
`manage.py check --deploy`, beside Django's own deployment checks.
"""

import os
import tempfile
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)
from django.core.checks import Error, Info, Tags, Warning, register

from .locks import lock_for_engine, session_store_class

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
# Folders every local user can list: never a place for session files. (Named to
# warn about them, never used: hence the noqa and nosec.)
SHARED_TEMP_DIRS = {"/tmp", "/var/tmp", "/dev/shm", tempfile.gettempdir()}  # noqa: S108 # nosec B108


@register(Tags.caches, deploy=True)
def check_sessions_cache_is_shared(app_configs, **kwargs):
    if not issubclass(session_store_class(), CacheStore | CachedDBStore):
        return []
    alias = settings.SESSION_CACHE_ALIAS
    backend = settings.CACHES.get(alias, {}).get("BACKEND")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"Sessions are kept in the {alias!r} cache, which lives inside one "
            "process: each worker sees different sessions, and a restart ends them.",
            hint="Use a shared cache for sessions, such as Redis (REDIS_URL), "
            "or the db engine.",
            id="session_guard.W001",
        )
    ]


@register(Tags.security)
def check_session_file_path(app_configs, **kwargs):
    if not issubclass(session_store_class(), FileStore):
        return []
    folder = Path(settings.SESSION_FILE_PATH or tempfile.gettempdir())
    if not folder.exists():
        return [
            Error(
                f"SESSION_FILE_PATH {str(folder)!r} does not exist.",
                hint=f"Create it, for this user only: mkdir -p -m 700 {folder}",
                id="session_guard.E001",
            )
        ]
    if not folder.is_dir():
        return [
            Error(
                f"SESSION_FILE_PATH {str(folder)!r} is not a folder.",
                hint="Point it to a folder, readable and writable by this user only.",
                id="session_guard.E004",
            )
        ]
    problems = []
    if not os.access(folder, os.W_OK | os.X_OK):
        problems.append(
            Error(
                f"SESSION_FILE_PATH {str(folder)!r} is not writable by this user.",
                hint="Give the user that runs Django write access to it.",
                id="session_guard.E002",
            )
        )
    resolved = folder.resolve()
    if any(resolved == Path(temp).resolve() for temp in SHARED_TEMP_DIRS):
        problems.append(
            Warning(
                f"SESSION_FILE_PATH {str(folder)!r} is a temp folder shared by "
                "every user of the machine, who can list the session keys there.",
                hint="Use a folder of this project's own, such as var/sessions.",
                id="session_guard.W002",
            )
        )
    elif folder.stat().st_mode & 0o077:
        problems.append(
            Warning(
                f"SESSION_FILE_PATH {str(folder)!r} is open to other users "
                f"(mode {folder.stat().st_mode & 0o777:o}), who could read sessions.",
                hint=f"chmod 700 {folder}",
                id="session_guard.W003",
            )
        )
    return problems


@register(Tags.security)
def check_samesite_none_is_secure(app_configs, **kwargs):
    if settings.SESSION_COOKIE_SAMESITE != "None" or settings.SESSION_COOKIE_SECURE:
        return []
    return [
        Error(
            "SESSION_COOKIE_SAMESITE is 'None' but SESSION_COOKIE_SECURE is off: "
            "browsers reject such a cookie, and nobody keeps a session.",
            hint="Set SESSION_COOKIE_SECURE = True, or SameSite to 'Lax'.",
            id="session_guard.E003",
        )
    ]


@register(Tags.security)
def check_signed_cookie_limits(app_configs, **kwargs):
    if not issubclass(session_store_class(), SignedCookieStore):
        return []
    return [
        Info(
            "Sessions are kept in a signed cookie: the visitor can read them "
            "(signed, not encrypted), and browsers drop cookies over about 4 KB.",
            hint="Keep session data small and free of secrets; rotate SECRET_KEY "
            "through SECRET_KEY_FALLBACKS.",
            id="session_guard.I001",
        )
    ]


@register(Tags.security)
def check_sessions_can_be_locked(app_configs, **kwargs):
    if issubclass(session_store_class(), SignedCookieStore) or lock_for_engine():
        return []
    return [
        Warning(
            "No session lock fits this session engine and its database or cache: "
            "two requests that change one session at once can lose a change.",
            hint="Use PostgreSQL or SQLite for db sessions, local memory or "
            "django-redis for cache sessions, or add a lock to session_guard/locks.py.",
            id="session_guard.W004",
        )
    ]


@register(Tags.security)
def check_idle_timeout(app_configs, **kwargs):
    timeout = settings.SESSION_GUARD_IDLE_TIMEOUT
    if not timeout or 60 <= timeout <= settings.SESSION_COOKIE_AGE:
        return []
    return [
        Error(
            f"SESSION_GUARD_IDLE_TIMEOUT is {timeout!r}: the time of a session's last "
            "request is kept to the minute, and no session outlives "
            "SESSION_COOKIE_AGE.",
            hint="Set it to 0 (no idle timeout), or to whole seconds from 60 to "
            "SESSION_COOKIE_AGE.",
            id="session_guard.E005",
        )
    ]


@register
def check_fallback_engines(app_configs, **kwargs):
    errors = []
    for engine in settings.SESSION_GUARD_FALLBACK_ENGINES:
        if engine == settings.SESSION_ENGINE:
            problem = "is SESSION_ENGINE itself"
        else:
            try:
                import_module(engine).SessionStore  # noqa: B018
            except (ImportError, AttributeError):
                problem = "cannot be imported as a session engine"
            else:
                continue
        errors.append(
            Error(
                f"SESSION_GUARD_FALLBACK_ENGINES names {engine!r}, which {problem}.",
                hint="Name the engines sessions were kept in before, such as "
                "'django.contrib.sessions.backends.file'.",
                id="session_guard.E006",
            )
        )
    return errors
