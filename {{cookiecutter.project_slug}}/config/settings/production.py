"""Settings for production, behind a TLS-terminating proxy.

Reads DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), DATABASE_URL,
REDIS_URL, EMAIL_URL and DJANGO_DEFAULT_FROM_EMAIL from the environment, and
DJANGO_ADMIN_URL if set. The session cookie keeps exactly the flags chosen in base.py.
"""

import environ
from django.core.exceptions import ImproperlyConfigured

from .dot_env import read_dot_env

# Only when asked: a development .env left on a server must not slip its secret key
# and addresses into production.
if environ.Env().bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    read_dot_env()

from .base import *  # noqa: E402, F403
from .base import ADMIN_URL, DATABASES, SILENCED_SYSTEM_CHECKS, env  # noqa: E402

HSTS_PRELOAD_MIN_SECONDS = 365 * 24 * 60 * 60

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Old keys that still verify sessions and signatures after SECRET_KEY is rotated;
# without them, rotating the key logs everybody out.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# A path of the admin's own, such as "staff-3f9a/", keeps it out of the way of scanners
# that try /admin/ on every site.
ADMIN_URL = env("DJANGO_ADMIN_URL", default=ADMIN_URL)
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(
        f"DJANGO_ADMIN_URL={ADMIN_URL!r}: give a path such as 'staff-3f9a/', with a "
        "slash at the end and none at the start."
    )

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
# HSTS starts small, since a browser keeps it for max-age even if HTTPS breaks; raise
# it to a year (31536000) once HTTPS works everywhere. Preloading (browsers that know
# before the first visit) needs a year or more and the subdomains: the preload list
# refuses less.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if SECURE_HSTS_PRELOAD and (
    SECURE_HSTS_SECONDS < HSTS_PRELOAD_MIN_SECONDS or not SECURE_HSTS_INCLUDE_SUBDOMAINS
):
    raise ImproperlyConfigured(
        "DJANGO_SECURE_HSTS_PRELOAD needs DJANGO_SECURE_HSTS_SECONDS of "
        f"{HSTS_PRELOAD_MIN_SECONDS} (a year) or more and "
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS: the preload list refuses less."
    )
# Without preload, check --deploy would say it is missing (security.W021): a choice.
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]

# MAIL
# ------------------------------------------------------------------------------
# The site's mail (password resets) goes through the mail server of EMAIL_URL:
# smtp+tls://user:password@smtp.example.com:587 (STARTTLS), or smtp+ssl:// for TLS
# from the start (port 465), with any special character of the password
# percent-encoded. Without it, mail goes to an SMTP server on this machine, where there
# is seldom one; Django only logs a password-reset mail it could not send, so check
# --deploy says so (accounts.W001).
{% if cookiecutter.django_version == "5.2" %}
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
{% else %}
# (django-environ reads the URL as the EMAIL_* settings, which Django 6.1 deprecates:
# they become the SMTP options of MAILERS.)
mail_server = env.email_url("EMAIL_URL", default="smtp://localhost:25")
MAILERS = {
    "default": {
        "BACKEND": mail_server["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": mail_server["EMAIL_HOST"],
            "port": mail_server["EMAIL_PORT"],
            "username": mail_server["EMAIL_HOST_USER"],
            "password": mail_server["EMAIL_HOST_PASSWORD"],
            "use_tls": mail_server.get("EMAIL_USE_TLS", False),
            "use_ssl": mail_server.get("EMAIL_USE_SSL", False),
        },
    },
}
{% endif %}
# The sender of that mail and of error reports: an address of the site's own domain,
# which mail servers take (accounts.W002 says so of Django's webmaster@localhost).
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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
