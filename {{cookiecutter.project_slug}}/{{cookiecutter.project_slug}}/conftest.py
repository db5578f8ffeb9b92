{% set postgresql = cookiecutter.database == "postgresql" %}
{% set redis = cookiecutter.cache_backend == "redis" %}
{% set cached_db = cookiecutter.session_engine == "cached_db" %}
{% set file = cookiecutter.session_engine == "file" %}
import importlib
{% if postgresql or redis %}
import os
{% endif %}
import sys
{% if file %}
from pathlib import Path
{% endif %}

{% if postgresql %}
import psycopg
{% endif %}
import pytest
from axes.helpers import get_cache
from django.conf import settings
{% if redis or cached_db %}
from django.core.cache import caches
{% endif %}
from django.test import Client
from django.urls import reverse
{% if redis %}
from django_redis import get_redis_connection
{% endif %}
from hypothesis import settings as hypothesis_settings
{% if redis %}
from redis.exceptions import RedisError
{% endif %}

from .testing import (
    DEMO_PASSWORD,
    served_by_gunicorn,
    session_store,
    visitor_with_cookie,
)

# The browser tests' fixtures, for every app's browser tests (marked e2e).
pytest_plugins = ["{{ cookiecutter.project_slug }}.e2e.fixtures"]

# Enough examples to find the odd input, few enough for every run; no per-example
# deadline, since a database answers at its own pace. For a quick look:
# pytest --hypothesis-profile=quick
hypothesis_settings.register_profile("project", max_examples=40, deadline=None)
hypothesis_settings.register_profile("quick", max_examples=10, deadline=None)
hypothesis_settings.load_profile("project")
{% if postgresql or redis %}


def unreachable_services():
    """Return the servers the settings name that do not answer."""
    missing = []
{% if postgresql %}
    database = settings.DATABASES["default"]
    try:
        psycopg.connect(
            dbname="postgres",
            host=database["HOST"] or None,
            port=database["PORT"] or None,
            user=database["USER"] or None,
            password=database["PASSWORD"] or None,
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError:
        missing.append("PostgreSQL (DATABASE_URL)")
{% endif %}
{% if redis %}
    try:
        get_redis_connection("default").ping()
    except RedisError:
        missing.append("Redis (REDIS_URL)")
{% endif %}
    return missing


def pytest_collection_modifyitems(config, items):
    """Skip everything when a server is missing, or fail under REQUIRE_SERVICES=1."""
    missing = unreachable_services()
    if not missing:
        return
    reason = f"{' and '.join(missing)} not answering"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        raise pytest.UsageError(f"{reason}, and REQUIRE_SERVICES=1 is set")
    for item in items:
        item.add_marker(pytest.mark.skip(reason=reason))
{% endif %}
{% if redis %}


@pytest.fixture(scope="session", autouse=True)
def _delete_test_keys_from_redis():
    """Remove what this run stored: only keys under its own prefix (test.py)."""
    yield
    for alias in settings.CACHES:
        caches[alias].delete_pattern("*")
{% endif %}


def pytest_configure(config):
    """Make the git-ignored folders the test database and session files live in."""
    (settings.BASE_DIR / "var").mkdir(exist_ok=True)
{% if file %}
    Path(settings.SESSION_FILE_PATH).mkdir(mode=0o700, parents=True, exist_ok=True)
{% endif %}


@pytest.fixture(autouse=True)
def _database(db):
    """Let every test use the session store: for some engines, the database."""


@pytest.fixture
def load_settings_module(monkeypatch):
    """Return a function that imports a settings module afresh, in an environment."""
    fresh = [
        "config.settings.base",
        "config.settings.local",
        "config.settings.production",
        "config.settings.test",
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
def gunicorn(tmp_path, transactional_db):
    """Return the address of gunicorn serving the project on this test's database."""
    with served_by_gunicorn(tmp_path) as site:
        yield site


@pytest.fixture(autouse=True)
def _forget_failed_sign_ins():
    """Forget failed sign-ins counted in a cache: they outlive a test's transaction."""
    yield
    if settings.AXES_HANDLER.endswith(".AxesCacheHandler"):
        get_cache().delete_pattern("axes-*")


@pytest.fixture
def csrf_client():
    """Return a client that, like a browser, must send the CSRF token with a POST."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def csrf_token(csrf_client):
    """Return the token a page's forms carry, fetched as a browser would."""
    csrf_client.get(reverse("login"))
    return csrf_client.cookies[settings.CSRF_COOKIE_NAME].value


@pytest.fixture
def visitor():
    """Return a client whose session, not signed in, holds a note: "tea"."""
    store = session_store()
    store["note"] = "tea"
    store.save()
    return visitor_with_cookie(store.session_key)


@pytest.fixture
def demo_user(django_user_model):
    """Return a user "demo" whose password is DEMO_PASSWORD."""
    return django_user_model.objects.create_user("demo", password=DEMO_PASSWORD)


@pytest.fixture
def sign_in(demo_user):
    """Return a function that signs a client in as the demo user."""

    def sign_in(client):
        response = client.post(
            reverse("login"), {"username": "demo", "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, response.content.decode()
        return response

    return sign_in


@pytest.fixture
def load_after_restart():
    """Return a function that loads a session as a freshly started server would."""

    def load(session_key):
        store = session_store(session_key)
{% if cached_db %}
        # A restart may find the cache empty: then the data comes from the database.
        caches[settings.SESSION_CACHE_ALIAS].delete(store.cache_key)
{% endif %}
        return store.load()

    return load
