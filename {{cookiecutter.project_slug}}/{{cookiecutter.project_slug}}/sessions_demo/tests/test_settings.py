"""Every settings module keeps the session settings chosen for this project."""

import importlib
{% if cookiecutter.session_engine == "file" and not cookiecutter.session_file_path %}
import stat
{% endif %}
import sys

import pytest
from django.conf import settings

from .answers import CHOSEN


def session_settings(holder):
    return {name: getattr(holder, name) for name in CHOSEN}


@pytest.fixture
def load_settings_module(monkeypatch):
    """Import a settings module afresh, with the environment it needs."""

    def load(name, **environment):
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        sys.modules.pop(name, None)
        try:
            return importlib.import_module(name)
        finally:
            sys.modules.pop(name, None)

    return load


def test_test_settings_hold_the_chosen_values():
    assert session_settings(settings) == CHOSEN


def test_production_sends_exactly_the_chosen_cookie(load_settings_module):
    production = load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="shop.example.com",
    )

    assert session_settings(production) == CHOSEN
    assert production.CSRF_COOKIE_SECURE is CHOSEN["SESSION_COOKIE_SECURE"]


def test_production_reads_old_secret_keys_for_rotation(load_settings_module):
    production = load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="new" * 20,
        DJANGO_SECRET_KEY_FALLBACKS="old" * 20 + "," + "older" * 12,
        DJANGO_ALLOWED_HOSTS="shop.example.com,www.shop.example.com",
    )

    assert production.SECRET_KEY_FALLBACKS == ["old" * 20, "older" * 12]
    assert production.ALLOWED_HOSTS == ["shop.example.com", "www.shop.example.com"]


def test_local_settings_change_only_what_plain_http_needs(load_settings_module):
    local = load_settings_module("config.settings.local", DJANGO_SECRET_KEY="x" * 50)

    expected = dict(CHOSEN)
{% if cookiecutter.session_cookie_secure %}
    expected["SESSION_COOKIE_SECURE"] = False
{% if cookiecutter.session_cookie_samesite == "None" %}
    expected["SESSION_COOKIE_SAMESITE"] = "Lax"
{% endif %}
{% endif %}
    assert session_settings(local) == expected


def test_sessions_are_serialized_as_json():
    assert settings.SESSION_SERIALIZER.endswith(".JSONSerializer")
{% if cookiecutter.session_engine in ["cache", "cached_db"] %}


def test_sessions_have_a_cache_of_their_own():
    assert settings.SESSION_CACHE_ALIAS == "sessions"
    assert settings.CACHES["sessions"] != settings.CACHES["default"]
{% endif %}
{% if cookiecutter.session_engine == "file" and not cookiecutter.session_file_path %}


def test_session_files_live_in_a_private_folder_of_the_project():
    folder = settings.SESSION_FILE_PATH

    assert folder.parent.parent == settings.BASE_DIR
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
{% endif %}
