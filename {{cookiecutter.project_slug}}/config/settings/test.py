"""Settings for the test suite: the session settings of base.py, a fixed secret key.

Of .env, only the servers' addresses (DATABASE_URL, REDIS_URL) count here.
"""

{% if cookiecutter.cache_backend == "redis" %}
from uuid import uuid4

{% endif %}
from .dot_env import read_dot_env

read_dot_env()

from .base import *  # noqa: E402, F403
{% set sqlite = cookiecutter.database == "sqlite" %}
{% set redis = cookiecutter.cache_backend == "redis" %}
{% if sqlite and redis %}
from .base import BASE_DIR, CACHES, DATABASES  # noqa: E402
{% elif sqlite %}
from .base import BASE_DIR, DATABASES  # noqa: E402
{% elif redis %}
from .base import CACHES  # noqa: E402
{% endif %}

SECRET_KEY = "only-for-tests-never-deployed"  # noqa: S105
ALLOWED_HOSTS = ["localhost"]
# Fast hashing: the tests care about sessions, not password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No collectstatic before the tests: WhiteNoise looks for each file when it is asked
# for, as in development, instead of warning that staticfiles/ is missing.
WHITENOISE_AUTOREFRESH = True
{% if cookiecutter.database == "sqlite" %}

# A test database in a file, not in memory: SQLite then locks as it does in
# production, which the session locks rely on. (conftest.py makes var/.)
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
