"""Settings for production, behind a TLS-terminating proxy.

Reads DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL and
REDIS_URL from the environment. The session cookie keeps exactly the flags chosen in
base.py.
"""

import environ

from .dot_env import read_dot_env

# Only when asked: a development .env left on a server must not slip its secret key
# and addresses into production.
if environ.Env().bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    read_dot_env()

from .base import *  # noqa: E402, F403
from .base import DATABASES, env  # noqa: E402

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Old keys that still verify sessions and signatures after SECRET_KEY is rotated;
# without them, rotating the key logs everybody out.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

# DATABASES
# ------------------------------------------------------------------------------
# Reuse connections across requests, and check them before use.
DATABASES = {
    "default": {
        **DATABASES["default"],
        "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
    }
}

# STATIC FILES
# ------------------------------------------------------------------------------
# WhiteNoise (base.py) serves the collected files from the app servers, compressed,
# with hashed names that browsers may cache forever; needs `manage.py collectstatic`
# at each deploy.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# SECURITY
# ------------------------------------------------------------------------------
# The proxy terminates TLS and says so in X-Forwarded-Proto; it must overwrite any
# such header that a client sends.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Start HSTS small; raise it to a year (31536000) once HTTPS works everywhere.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s %(asctime)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"level": "INFO", "handlers": ["console"]},
}
