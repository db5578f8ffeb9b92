"""The system checks catch each session pitfall, and stay quiet without one."""

import os
import subprocess
import sys
import tempfile
from io import StringIO

import pytest
from django.conf import settings
from django.core.checks import Error, Info, Warning, registry
from django.core.management import call_command
from django.middleware.csrf import CsrfViewMiddleware
from django.test import override_settings

from .. import checks
from ..checks import (
    GUARD_PATH,
    check_csrf_failure_view,
    check_idle_timeout,
    check_middleware_order,
    check_samesite_none_is_secure,
    check_session_file_path,
    check_sessions_cache_is_shared,
    check_sessions_can_be_locked,
    check_signed_cookie_limits,
)

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
SHARED = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}


@pytest.mark.parametrize("engine", ["cache", "cached_db"])
def test_per_process_cache_for_sessions_is_flagged_in_production(engine):
    with override_settings(
        SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": LOCMEM},
    ):
        [warning] = check_sessions_cache_is_shared(None)

    assert isinstance(warning, Warning)
    assert warning.id == "session_guard.W001"
    assert warning.hint


def test_a_shared_cache_for_sessions_passes():
    with override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": SHARED},
    ):
        assert check_sessions_cache_is_shared(None) == []


def test_the_per_process_cache_warning_waits_for_check_deploy():
    # Development servers run one process, where a local-memory cache is fine.
    assert check_sessions_cache_is_shared not in registry.registry.get_checks()
    assert check_sessions_cache_is_shared in registry.registry.get_checks(
        include_deployment_checks=True
    )


def test_database_sessions_need_no_shared_cache():
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.db"):
        assert check_sessions_cache_is_shared(None) == []


def file_sessions_in(folder):
    return override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.file",
        SESSION_FILE_PATH=folder,
    )


def folder_with_mode(tmp_path, mode):
    folder = tmp_path / "sessions"
    folder.mkdir()
    folder.chmod(mode)
    return folder


def test_private_session_folder_passes(tmp_path):
    with file_sessions_in(folder_with_mode(tmp_path, 0o700)):
        assert check_session_file_path(None) == []


@pytest.mark.parametrize(
    "samesite, secure", [("None", True), ("Lax", False), ("Strict", True)]
)
def test_other_samesite_settings_pass(samesite, secure):
    with override_settings(
        SESSION_COOKIE_SAMESITE=samesite, SESSION_COOKIE_SECURE=secure
    ):
        assert check_samesite_none_is_secure(None) == []


def test_server_side_sessions_get_no_note():
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.db"):
        assert check_signed_cookie_limits(None) == []


@pytest.mark.parametrize(
    "engine", ["db", "cached_db", "cache", "file", "signed_cookies"]
)
def test_the_checks_run_as_manage_py_runs_them(engine, tmp_path):
    # Django's check framework takes a list from every check: anything else crashes
    # manage.py check, migrate and runserver.
    folder = folder_with_mode(tmp_path, 0o700)
    with override_settings(
        SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
        SESSION_FILE_PATH=str(folder),
    ):
        # Only a crash fails here: the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, say,
        # is an error of `check --deploy`.
        call_command(
            "check",
            deploy=True,
            fail_level="CRITICAL",
            stdout=StringIO(),
            stderr=StringIO(),
        )


CACHE_ENGINE = "django.contrib.sessions.backends.cache"


def test_the_per_process_cache_warning_names_the_cache_and_the_way_out():
    with override_settings(
        SESSION_ENGINE=CACHE_ENGINE,
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": LOCMEM},
    ):
        assert check_sessions_cache_is_shared(None) == [
            Warning(
                "Sessions are kept in the 'sessions' cache, which lives inside one "
                "process: each worker sees different sessions, and a restart ends "
                "them.",
                hint="Use a shared cache for sessions, such as Redis (REDIS_URL), "
                "or the db engine.",
                id="session_guard.W001",
            )
        ]


def test_a_session_cache_missing_from_caches_does_not_crash_the_check():
    with override_settings(
        SESSION_ENGINE=CACHE_ENGINE,
        SESSION_CACHE_ALIAS="missing",
        CACHES={"default": LOCMEM},
    ):
        assert check_sessions_cache_is_shared(None) == []


def test_a_missing_session_folder_says_how_to_make_it(tmp_path):
    folder = tmp_path / "missing"

    with file_sessions_in(folder):
        assert check_session_file_path(None) == [
            Error(
                f"SESSION_FILE_PATH {str(folder)!r} does not exist.",
                hint=f"Create it, for this user only: mkdir -p -m 700 {folder}",
                id="session_guard.E001",
            )
        ]


def test_a_session_file_path_that_is_a_file_is_an_error(tmp_path):
    file = tmp_path / "sessions"
    file.touch()

    with file_sessions_in(file):
        assert check_session_file_path(None) == [
            Error(
                f"SESSION_FILE_PATH {str(file)!r} is not a folder.",
                hint="Point it to a folder, readable and writable by this user only.",
                id="session_guard.E004",
            )
        ]


@pytest.mark.serving
@pytest.mark.parametrize("problem", ["missing", "a-file"])
def test_manage_py_reports_a_bad_session_folder_with_no_traceback(tmp_path, problem):
    folder = tmp_path / "sessions"
    if problem == "a-file":
        folder.touch()
    # Settings as a team might write them: the test settings, file sessions there.
    (tmp_path / "bad_folder_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\n"
        'SESSION_ENGINE = "django.contrib.sessions.backends.file"\n'
        f"SESSION_FILE_PATH = {str(folder)!r}\n"
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=bad_folder_settings"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"SESSION_FILE_PATH {str(folder)!r}" in result.stderr


def test_an_engine_no_lock_fits_is_flagged():
    with override_settings(
        SESSION_ENGINE=CACHE_ENGINE,
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": SHARED},
    ):
        assert check_sessions_can_be_locked(None) == [
            Warning(
                "No session lock fits this session engine and its database or "
                "cache: two requests that change one session at once can lose a "
                "change.",
                hint="Use PostgreSQL or SQLite for db sessions, local memory or "
                "django-redis for cache sessions, or add a lock to "
                "session_guard/locks.py.",
                id="session_guard.W004",
            )
        ]


@pytest.mark.parametrize("engine", ["cache", "file", "signed_cookies"])
def test_engines_with_a_lock_or_no_server_side_are_not_flagged(engine, tmp_path):
    with override_settings(
        SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": LOCMEM},
        SESSION_FILE_PATH=str(tmp_path),
    ):
        assert check_sessions_can_be_locked(None) == []


def test_no_lock_is_asked_for_when_the_lock_is_off():
    with override_settings(
        SESSION_ENGINE=CACHE_ENGINE,
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": SHARED},
        SESSION_GUARD_LOCK=False,
    ):
        assert check_sessions_can_be_locked(None) == []


def test_a_session_folder_this_user_cannot_write_is_an_error(tmp_path, monkeypatch):
    # Root may write anywhere, so os.access plays a folder this user cannot write.
    folder = folder_with_mode(tmp_path, 0o700)
    monkeypatch.setattr(checks.os, "access", lambda path, mode: not mode & os.W_OK)

    with file_sessions_in(folder):
        assert check_session_file_path(None) == [
            Error(
                f"SESSION_FILE_PATH {str(folder)!r} is not writable by this user.",
                hint="Give the user that runs Django write access to it.",
                id="session_guard.E002",
            )
        ]


def test_the_shared_temp_folder_warning_says_why_and_what_instead():
    folder = tempfile.gettempdir()

    with file_sessions_in(folder):
        assert check_session_file_path(None) == [
            Warning(
                f"SESSION_FILE_PATH {folder!r} is a temp folder shared by every user "
                "of the machine, who can list the session keys there.",
                hint="Use a folder of this project's own, such as var/sessions.",
                id="session_guard.W002",
            )
        ]


def test_the_open_folder_warning_gives_its_mode_and_the_fix(tmp_path):
    folder = folder_with_mode(tmp_path, 0o755)

    with file_sessions_in(folder):
        assert check_session_file_path(None) == [
            Warning(
                f"SESSION_FILE_PATH {str(folder)!r} is open to other users "
                "(mode 755), who could read sessions.",
                hint=f"chmod 700 {folder}",
                id="session_guard.W003",
            )
        ]


def test_the_samesite_error_says_why_and_how_to_fix_it():
    with override_settings(SESSION_COOKIE_SAMESITE="None", SESSION_COOKIE_SECURE=False):
        assert check_samesite_none_is_secure(None) == [
            Error(
                "SESSION_COOKIE_SAMESITE is 'None' but SESSION_COOKIE_SECURE is off: "
                "browsers reject such a cookie, and nobody keeps a session.",
                hint="Set SESSION_COOKIE_SECURE = True, or SameSite to 'Lax'.",
                id="session_guard.E003",
            )
        ]


def test_the_signed_cookie_note_in_full():
    with override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"
    ):
        assert check_signed_cookie_limits(None) == [
            Info(
                "Sessions are kept in a signed cookie: the visitor can read them "
                "(signed, not encrypted), and browsers drop cookies over about 4 KB.",
                hint="Keep session data small and free of secrets; rotate SECRET_KEY "
                "through SECRET_KEY_FALLBACKS.",
                id="session_guard.I001",
            )
        ]


@pytest.mark.parametrize("timeout", [0, 60, 1209600])
def test_an_idle_timeout_of_none_or_a_minute_to_the_cookie_age_passes(timeout):
    with override_settings(
        SESSION_GUARD_IDLE_TIMEOUT=timeout, SESSION_COOKIE_AGE=1209600
    ):
        assert check_idle_timeout(None) == []


@pytest.mark.parametrize("timeout", [30, 1209601])
def test_an_idle_timeout_out_of_range_is_an_error(timeout):
    with override_settings(
        SESSION_GUARD_IDLE_TIMEOUT=timeout, SESSION_COOKIE_AGE=1209600
    ):
        [error] = check_idle_timeout(None)

    assert error.id == "session_guard.E005"
    assert f"SESSION_GUARD_IDLE_TIMEOUT is {timeout}" in error.msg


SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
CSRF = "django.middleware.csrf.CsrfViewMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"
MESSAGES = "django.contrib.messages.middleware.MessageMiddleware"


class OwnCsrfViewMiddleware(CsrfViewMiddleware):
    """A team's own CSRF middleware, which counts as Django's."""


def middleware_errors(*middleware):
    with override_settings(MIDDLEWARE=list(middleware)):
        return check_middleware_order(None)


def test_the_projects_middleware_is_in_order():
    assert check_middleware_order(None) == []


def test_a_csrf_failure_view_that_would_lock_is_flagged():
    assert check_csrf_failure_view(None) == []

    with override_settings(CSRF_FAILURE_VIEW="django.views.csrf.csrf_failure"):
        [warning] = check_csrf_failure_view(None)

    assert warning.id == "session_guard.W005"
    assert "takes its session's lock" in warning.msg
    assert "session_guard.views.csrf_failure" in warning.hint


def test_subclasses_of_the_middleware_count_as_theirs():
    own_csrf = f"{__name__}.OwnCsrfViewMiddleware"

    assert middleware_errors(GUARD_PATH, own_csrf, AUTH, MESSAGES) == []


def test_a_missing_guard_says_where_it_goes():
    assert middleware_errors(SESSION, CSRF, AUTH) == [
        Error(
            "SessionGuardMiddleware is not in MIDDLEWARE: sessions are read without "
            "their lock, idle timeout or sign-in checks.",
            hint=f"Put {GUARD_PATH!r} in MIDDLEWARE where Django's "
            "'django.contrib.sessions.middleware.SessionMiddleware' goes.",
            id="session_guard.E007",
        )
    ]


def test_djangos_session_middleware_beside_the_guard_is_an_error():
    assert middleware_errors(SESSION, GUARD_PATH, CSRF, AUTH) == [
        Error(
            "MIDDLEWARE holds Django's SessionMiddleware as well as "
            "SessionGuardMiddleware, which takes its place: each would save the "
            "session.",
            hint="Remove 'django.contrib.sessions.middleware.SessionMiddleware'.",
            id="session_guard.E008",
        )
    ]


@pytest.mark.parametrize(
    ("missing", "why"),
    [
        (
            CSRF,
            "CsrfViewMiddleware is not in MIDDLEWARE: without it any site can post "
            "forms as your visitors, and hold their sessions' locks.",
        ),
        (
            AUTH,
            "AuthenticationMiddleware is not in MIDDLEWARE: signed-in sessions and "
            "the sessions page need request.user.",
        ),
    ],
    ids=["csrf", "authentication"],
)
def test_missing_csrf_or_authentication_middleware_is_an_error(missing, why):
    present = [name for name in (CSRF, AUTH) if name != missing]

    hint = f"Add {missing!r} after {GUARD_PATH!r}."

    assert middleware_errors(GUARD_PATH, *present) == [
        Error(why, hint=hint, id="session_guard.E009")
    ]


def test_message_middleware_may_be_left_out():
    assert middleware_errors(GUARD_PATH, CSRF, AUTH) == []


@pytest.mark.parametrize(
    ("early", "why"),
    [
        (CSRF, "under CSRF_USE_SESSIONS it keeps its token in the session"),
        (AUTH, "it finds the user in the session"),
        (
            MESSAGES,
            "it may put messages in the session on the way out, which must come "
            "before the session is saved and its lock released",
        ),
    ],
    ids=["csrf", "authentication", "messages"],
)
def test_middleware_before_the_guard_that_needs_it_is_an_error(early, why):
    later = [name for name in (CSRF, AUTH, MESSAGES) if name != early]
    name = early.rsplit(".", 1)[1]

    assert middleware_errors(early, GUARD_PATH, *later) == [
        Error(
            f"{name} comes before SessionGuardMiddleware in MIDDLEWARE, but {why}.",
            hint=f"Move {early!r} after {GUARD_PATH!r}.",
            id="session_guard.E010",
        )
    ]
