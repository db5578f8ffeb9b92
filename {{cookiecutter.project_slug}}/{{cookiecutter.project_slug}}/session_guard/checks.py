"""System checks for the pitfalls of each session engine.

They run with every manage.py command; those that only matter on a server run with
`manage.py check --deploy`, beside Django's own deployment checks.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.backends.cache import SessionStore as CacheStore
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.file import SessionStore as FileStore
from django.contrib.sessions.backends.signed_cookies import (
    SessionStore as SignedCookieStore,
)
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.checks import Error, Info, Tags, Warning, register
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string

from .conf import guard_settings
from .locks import lock_for_engine
from .middleware import SessionGuardMiddleware
from .stores import engine_path, session_store_class
from .views import csrf_failure

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
    if not guard_settings.LOCK:
        return []
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
    timeout = guard_settings.IDLE_TIMEOUT
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
    for engine in guard_settings.FALLBACK_ENGINES:
        if engine_path(engine) == settings.SESSION_ENGINE:
            problem = "is SESSION_ENGINE itself"
        else:
            try:
                session_store_class(engine)
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


GUARD_PATH = f"{SessionGuardMiddleware.__module__}.{SessionGuardMiddleware.__name__}"
# Middleware that must come after SessionGuardMiddleware: (its path, why after it, why
# it is needed at all, or None where it may be left out).
AFTER_THE_GUARD = {
    CsrfViewMiddleware: (
        "django.middleware.csrf.CsrfViewMiddleware",
        "under CSRF_USE_SESSIONS it keeps its token in the session",
        "without it any site can post forms as your visitors, and hold their "
        "sessions' locks",
    ),
    AuthenticationMiddleware: (
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "it finds the user in the session",
        "signed-in sessions and the sessions page need request.user",
    ),
    MessageMiddleware: (
        "django.contrib.messages.middleware.MessageMiddleware",
        "it may put messages in the session on the way out, which must come before "
        "the session is saved and its lock released",
        None,
    ),
}


def middleware_classes():
    """Return the class of each MIDDLEWARE entry, or None where it does not import."""
    classes = []
    for path in settings.MIDDLEWARE:
        try:
            classes.append(import_string(path))
        except ImportError:
            classes.append(None)  # Django says so when it loads them
    return classes


def position(classes, wanted):
    return next(
        (
            index
            for index, middleware in enumerate(classes)
            if isinstance(middleware, type) and issubclass(middleware, wanted)
        ),
        None,
    )


@register
def check_csrf_failure_view(app_configs, **kwargs):
    path = f"{csrf_failure.__module__}.{csrf_failure.__name__}"
    if path == settings.CSRF_FAILURE_VIEW:
        return []
    return [
        Warning(
            f"CSRF_FAILURE_VIEW is {settings.CSRF_FAILURE_VIEW!r}: the page that "
            "refuses a forged form takes its session's lock if it reads the session.",
            hint=f"Set CSRF_FAILURE_VIEW = {path!r}, or have your view set "
            "request.session.read_only = True before it renders.",
            id="session_guard.W005",
        )
    ]


@register
def check_middleware_order(app_configs, **kwargs):
    classes = middleware_classes()
    guard = position(classes, SessionGuardMiddleware)
    if guard is None:
        return [
            Error(
                "SessionGuardMiddleware is not in MIDDLEWARE: sessions are read "
                "without their lock, idle timeout or sign-in checks.",
                hint=f"Put {GUARD_PATH!r} in MIDDLEWARE where Django's "
                "'django.contrib.sessions.middleware.SessionMiddleware' goes.",
                id="session_guard.E007",
            )
        ]
    errors = []
    if any(
        middleware is SessionMiddleware
        or (
            isinstance(middleware, type)
            and issubclass(middleware, SessionMiddleware)
            and not issubclass(middleware, SessionGuardMiddleware)
        )
        for middleware in classes
    ):
        errors.append(
            Error(
                "MIDDLEWARE holds Django's SessionMiddleware as well as "
                "SessionGuardMiddleware, which takes its place: each would save the "
                "session.",
                hint="Remove 'django.contrib.sessions.middleware.SessionMiddleware'.",
                id="session_guard.E008",
            )
        )
    for middleware, (path, why_after, why_needed) in AFTER_THE_GUARD.items():
        found = position(classes, middleware)
        if found is None and why_needed:
            errors.append(
                Error(
                    f"{middleware.__name__} is not in MIDDLEWARE: {why_needed}.",
                    hint=f"Add {path!r} after {GUARD_PATH!r}.",
                    id="session_guard.E009",
                )
            )
        elif found is not None and found < guard:
            errors.append(
                Error(
                    f"{middleware.__name__} comes before SessionGuardMiddleware in "
                    f"MIDDLEWARE, but {why_after}.",
                    hint=f"Move {path!r} after {GUARD_PATH!r}.",
                    id="session_guard.E010",
                )
            )
    return errors
