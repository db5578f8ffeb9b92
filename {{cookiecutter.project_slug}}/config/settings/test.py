"""Settings for the test suite: the chosen session settings, nothing from .env."""

from .base import *  # noqa: F403

# Fixed so that the tests never depend on a machine's .env.
SECRET_KEY = "only-for-tests-never-deployed"  # noqa: S105
ALLOWED_HOSTS = ["testserver"]
# Fast hashing: the tests care about sessions, not password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
