"""Each settings module keeps the session settings of base.py, or says why not.

These tests read the settings, whatever they are: change the SESSIONS block of
config/settings/base.py and they check the new values.
"""

import importlib
{% if cookiecutter.session_engine == "file" and not cookiecutter.session_file_path %}
import stat
{% endif %}
import sys

import pytest
from django.conf import settings

SESSION_SETTINGS = [
    "SESSION_ENGINE",
    "SESSION_SERIALIZER",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_SAVE_EVERY_REQUEST",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
]
# Cookie names that browsers accept only with the Secure flag.
SECURE_ONLY_PREFIXES = ("__Host-", "__Secure-")


def session_settings(holder):
    return {name: getattr(holder, name) for name in SESSION_SETTINGS}


@pytest.fixture
def load_settings_module(monkeypatch):
    """Return a function that imports a settings module afresh, in an environment."""
    fresh = [
        "config.settings.base",
        "config.settings.local",
        "config.settings.production",
    ]

    def load(name, **environment):
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        sys.modules.pop(name, None)
        return importlib.import_module(name)

    yield load
    for name in fresh:
        sys.modules.pop(name, None)


@pytest.fixture
def base(load_settings_module):
    return load_settings_module("config.settings.base")


def test_the_tests_run_with_the_session_settings_of_base(base):
    assert session_settings(settings) == session_settings(base)


def test_production_sends_exactly_the_cookie_of_base(base, load_settings_module):
    production = load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="shop.example.com",
    )

    assert session_settings(production) == session_settings(base)
    assert production.CSRF_COOKIE_SECURE is base.SESSION_COOKIE_SECURE


def test_production_reads_old_secret_keys_for_rotation(load_settings_module):
    production = load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="new" * 20,
        DJANGO_SECRET_KEY_FALLBACKS="old" * 20 + "," + "older" * 12,
        DJANGO_ALLOWED_HOSTS="shop.example.com,www.shop.example.com",
    )

    assert production.SECRET_KEY_FALLBACKS == ["old" * 20, "older" * 12]
    assert production.ALLOWED_HOSTS == ["shop.example.com", "www.shop.example.com"]


def test_local_settings_change_nothing_but_the_secure_flag_and_samesite(
    base, load_settings_module
):
    local = load_settings_module("config.settings.local", DJANGO_SECRET_KEY="x" * 50)

    changed = {
        name
        for name, value in session_settings(local).items()
        if value != getattr(base, name)
    }
    assert changed <= {"SESSION_COOKIE_SECURE", "SESSION_COOKIE_SAMESITE"}


@pytest.mark.parametrize(
    "name, samesite, secure_locally, samesite_locally",
    [
        ("sessionid", "Lax", False, "Lax"),
        ("sessionid", "None", False, "Lax"),
        ("__Host-sid", "None", True, "None"),
        ("__Secure-sid", "Strict", True, "Strict"),
    ],
    ids=["plain", "plain-samesite-none", "host-prefix", "secure-prefix"],
)
def test_local_cookies_work_over_plain_http(
    base,
    load_settings_module,
    monkeypatch,
    name,
    samesite,
    secure_locally,
    samesite_locally,
):
    # As if base.py said so: Secure on, and this name and SameSite.
    monkeypatch.setattr(base, "SESSION_COOKIE_SECURE", True)
    monkeypatch.setattr(base, "CSRF_COOKIE_SECURE", True)
    monkeypatch.setattr(base, "SESSION_COOKIE_NAME", name)
    monkeypatch.setattr(base, "SESSION_COOKIE_SAMESITE", samesite)

    local = load_settings_module("config.settings.local", DJANGO_SECRET_KEY="x" * 50)

    # Plain names drop Secure, which some clients refuse over http; prefixed names
    # need it, and browsers take Secure cookies from localhost.
    assert local.SESSION_COOKIE_SECURE is secure_locally
    assert local.CSRF_COOKIE_SECURE is secure_locally
    assert samesite_locally == local.SESSION_COOKIE_SAMESITE


def test_browsers_accept_the_session_cookie(base):
    if base.SESSION_COOKIE_NAME.startswith(SECURE_ONLY_PREFIXES):
        assert base.SESSION_COOKIE_SECURE
    if base.SESSION_COOKIE_SAMESITE == "None":
        assert base.SESSION_COOKIE_SECURE


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
