"""Each settings module keeps the session settings of base.py, or says why not.

These tests read the settings, whatever they are: change the SESSIONS block of
config/settings/base.py and they check the new values.
"""

import os
{% if cookiecutter.session_engine == "file" and not cookiecutter.session_file_path %}
import stat
{% endif %}
import sys

import environ
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import config.settings.dot_env

SESSION_SETTINGS = [
    "SESSION_ENGINE",
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


def load_production(load_settings_module, **environment):
    return load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="shop.example.com",
        **environment,
    )


def test_hsts_starts_small_and_without_preload(load_settings_module):
    production = load_production(load_settings_module)

    assert production.SECURE_HSTS_SECONDS < 365 * 24 * 3600
    assert production.SECURE_HSTS_PRELOAD is False
    # check --deploy would otherwise warn of the missing preload.
    assert "security.W021" in production.SILENCED_SYSTEM_CHECKS


def test_hsts_preloads_at_a_year_when_asked(load_settings_module):
    production = load_production(
        load_settings_module,
        DJANGO_SECURE_HSTS_SECONDS="31536000",
        DJANGO_SECURE_HSTS_PRELOAD="True",
    )

    assert production.SECURE_HSTS_PRELOAD is True
    assert "security.W021" not in production.SILENCED_SYSTEM_CHECKS


@pytest.mark.parametrize(
    "environment",
    [
        {"DJANGO_SECURE_HSTS_SECONDS": "31535999"},
        {
            "DJANGO_SECURE_HSTS_SECONDS": "31536000",
            "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "False",
        },
    ],
    ids=["under-a-year", "without-subdomains"],
)
def test_hsts_preload_the_preload_list_would_refuse_is_an_error(
    load_settings_module, environment
):
    with pytest.raises(ImproperlyConfigured, match="a year"):
        load_production(
            load_settings_module, DJANGO_SECURE_HSTS_PRELOAD="True", **environment
        )


def test_production_reads_old_secret_keys_for_rotation(load_settings_module):
    production = load_settings_module(
        "config.settings.production",
        DJANGO_SECRET_KEY="new" * 20,
        DJANGO_SECRET_KEY_FALLBACKS="old" * 20 + "," + "older" * 12,
        DJANGO_ALLOWED_HOSTS="shop.example.com,www.shop.example.com",
    )

    assert production.SECRET_KEY_FALLBACKS == ["old" * 20, "older" * 12]
    assert production.ALLOWED_HOSTS == ["shop.example.com", "www.shop.example.com"]


@pytest.fixture
def dot_env(monkeypatch, tmp_path):
    """Return an environment of its own, and a .env file the settings read instead."""
    monkeypatch.setattr(environ.Env, "ENVIRON", {})
    monkeypatch.setattr(config.settings.dot_env, "DOT_ENV", tmp_path / ".env")
    return environ.Env.ENVIRON, tmp_path / ".env"


def test_production_reads_dot_env_only_when_told_to(dot_env, load_settings_module):
    environment, file = dot_env
    file.write_text("DJANGO_SECRET_KEY=from-a-dot-env-left-on-the-server\n")
    environment["DJANGO_ALLOWED_HOSTS"] = "shop.example.com"

    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_settings_module("config.settings.production")

    environment["DJANGO_READ_DOT_ENV_FILE"] = "True"
    production = load_settings_module("config.settings.production")
    assert production.SECRET_KEY == "from-a-dot-env-left-on-the-server"


def test_the_test_settings_take_only_the_servers_from_dot_env(
    dot_env, load_settings_module
):
    environment, file = dot_env
    servers = {
        name: os.environ[name]
        for name in ["DATABASE_URL", "REDIS_URL"]
        if name in os.environ
    }
    environment.update(servers)

    def test_settings():
        sys.modules.pop("config.settings.base", None)
        module = load_settings_module("config.settings.test")
        return {
            name: repr(getattr(module, name))
            for name in dir(module)
            # A run's own Redis prefix differs at each import.
            if name.isupper() and name not in {"CACHES", "TEST_RUN_PREFIX"}
        }

    file.write_text("")
    without = test_settings()
    file.write_text(
        "DJANGO_SECRET_KEY=a-developers-own-secret\n"
        "DJANGO_ALLOWED_HOSTS=dev.example.com\n"
        "DJANGO_DEBUG=True\n"
        "CONN_MAX_AGE=0\n"
    )
    assert test_settings() == without


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
{% if cookiecutter._engine_traits[cookiecutter.session_engine].uses_cache %}


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
