"""The system checks catch each session pitfall, and stay quiet without one."""

import os
import tempfile
from io import StringIO

import pytest
from django.core.checks import Error, Info, Warning
from django.core.management import call_command
from django.test import override_settings

from ..checks import (
    check_samesite_none_is_secure,
    check_session_file_path,
    check_sessions_cache_is_shared,
    check_signed_cookie_limits,
)

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
SHARED = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}


def ids(messages):
    return [message.id for message in messages]


@pytest.mark.parametrize("engine", ["cache", "cached_db"])
def test_per_process_cache_for_sessions_is_flagged_in_production(engine):
    with override_settings(
        DEBUG=False,
        SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
        SESSION_CACHE_ALIAS="sessions",
        CACHES={"default": LOCMEM, "sessions": LOCMEM},
    ):
        [warning] = check_sessions_cache_is_shared(None)

    assert isinstance(warning, Warning)
    assert warning.id == "session_guard.W001"
    assert warning.hint


@pytest.mark.parametrize(
    "overrides",
    [
        {"DEBUG": True, "CACHES": {"default": LOCMEM, "sessions": LOCMEM}},
        {"DEBUG": False, "CACHES": {"default": LOCMEM, "sessions": SHARED}},
    ],
    ids=["debug", "shared-cache"],
)
def test_per_process_cache_is_fine_in_debug_or_when_shared(overrides):
    with override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
        SESSION_CACHE_ALIAS="sessions",
        **overrides,
    ):
        assert check_sessions_cache_is_shared(None) == []


def test_database_sessions_need_no_shared_cache():
    with override_settings(
        DEBUG=False, SESSION_ENGINE="django.contrib.sessions.backends.db"
    ):
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


def test_missing_session_folder_is_an_error(tmp_path):
    with file_sessions_in(tmp_path / "missing"):
        assert ids(check_session_file_path(None)) == ["session_guard.E001"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to any folder")
def test_read_only_session_folder_is_an_error(tmp_path):
    folder = folder_with_mode(tmp_path, 0o500)

    with file_sessions_in(folder):
        assert ids(check_session_file_path(None)) == ["session_guard.E002"]
    folder.chmod(0o700)


def test_session_folder_open_to_others_is_flagged(tmp_path):
    with file_sessions_in(folder_with_mode(tmp_path, 0o755)):
        [warning] = check_session_file_path(None)

    assert isinstance(warning, Warning)
    assert warning.id == "session_guard.W003"
    assert "chmod 700" in warning.hint


def test_shared_temp_folder_is_flagged():
    with file_sessions_in(tempfile.gettempdir()):
        assert ids(check_session_file_path(None)) == ["session_guard.W002"]


def test_samesite_none_without_secure_is_an_error():
    with override_settings(SESSION_COOKIE_SAMESITE="None", SESSION_COOKIE_SECURE=False):
        [error] = check_samesite_none_is_secure(None)

    assert isinstance(error, Error)
    assert error.id == "session_guard.E003"


@pytest.mark.parametrize(
    "samesite, secure", [("None", True), ("Lax", False), ("Strict", True)]
)
def test_other_samesite_settings_pass(samesite, secure):
    with override_settings(
        SESSION_COOKIE_SAMESITE=samesite, SESSION_COOKIE_SECURE=secure
    ):
        assert check_samesite_none_is_secure(None) == []


def test_signed_cookie_sessions_get_a_note_on_their_limits():
    with override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"
    ):
        [note] = check_signed_cookie_limits(None)

    assert isinstance(note, Info)
    assert note.id == "session_guard.I001"
    assert "4 KB" in note.msg


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
        call_command("check", deploy=True, stdout=StringIO(), stderr=StringIO())
