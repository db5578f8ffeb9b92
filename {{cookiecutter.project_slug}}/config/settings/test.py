"""Settings for the test suite: the session settings of base.py, a fixed secret key."""

{% if cookiecutter.cache_backend == "redis" %}
from uuid import uuid4

{% endif %}
from .base import *  # noqa: F403
{% set sqlite = cookiecutter.database == "sqlite" %}
{% set redis = cookiecutter.cache_backend == "redis" %}
{% if sqlite and redis %}
from .base import BASE_DIR, CACHES, DATABASES
{% elif sqlite %}
from .base import BASE_DIR, DATABASES
{% elif redis %}
from .base import CACHES
{% endif %}

# Fixed so that the tests never depend on a machine's .env.
SECRET_KEY = "only-for-tests-never-deployed"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost"]
# Fast hashing: the tests care about sessions, not password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
{% if cookiecutter.database == "sqlite" %}

# A test database in a file, not in memory: SQLite then locks as it does in
# production, which the session locks rely on.
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": {
        **DATABASES["default"],
        "TEST": {"NAME": BASE_DIR / "var" / "test.sqlite3"},
    },
}
{% endif %}
{% if cookiecutter.cache_backend == "redis" %}

# The tests share the Redis of REDIS_URL with whatever else uses it: each run writes
# under keys of its own, which conftest.py deletes at the end.
TEST_RUN_PREFIX = f"test-{uuid4().hex[:12]}"
CACHES = {
    alias: {**cache, "KEY_PREFIX": f"{TEST_RUN_PREFIX}:{cache['KEY_PREFIX']}"}
    for alias, cache in CACHES.items()
}
{% endif %}
