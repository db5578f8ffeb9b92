{% set engine = cookiecutter.session_engine %}
{% set uses_cache = cookiecutter._engine_traits[engine].uses_cache %}
"""Settings every environment shares.

local.py, test.py and production.py start from these and change only what differs.
Values that differ per machine come from the environment; local.py and test.py first
read the git-ignored .env file next to manage.py into it (see dot_env.py).

https://docs.djangoproject.com/en/{{ cookiecutter.django_version }}/ref/settings/
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
APPS_DIR = BASE_DIR / "{{ cookiecutter.project_slug }}"

env = environ.Env()

# GENERAL
# ------------------------------------------------------------------------------
TIME_ZONE = "UTC"
# The language of the site's own strings, which are all marked for translation.
# `manage.py makemessages -l de` writes a catalogue for another into LOCALE_PATHS.
LANGUAGE_CODE = "en"
LOCALE_PATHS = [APPS_DIR / "locale"]

# DATABASES
# ------------------------------------------------------------------------------
# Each worker keeps its connection for up to a minute instead of opening one per
# request: opening a connection costs more than the queries of most requests. A broken
# connection is replaced at once.
PERSISTENT_CONNECTIONS = {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}
{% if cookiecutter.database == "postgresql" %}
# PostgreSQL, as postgres://user:password@host:port/name (.env sets it).
DATABASES = {
    "default": {
        **env.db(
            "DATABASE_URL",
            default="postgres://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}",
        ),
        **PERSISTENT_CONNECTIONS,
    },
}
{% else %}
# SQLite in a file next to manage.py, or where DATABASE_URL (sqlite:///...) says.
DATABASES = {
    "default": {
        **env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # For several workers at once: a writer takes the lock when its transaction
        # starts and others wait for it (up to 20 s) instead of failing with
        # "database is locked"; readers go on while one writes (WAL).
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        **PERSISTENT_CONNECTIONS,
    },
}
{% endif %}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHES
# ------------------------------------------------------------------------------
{% if cookiecutter.cache_backend == "redis" %}
# Redis, through django-redis, shared by every worker and server.
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
# Give up on an unreachable Redis within a second instead of hanging the worker.
REDIS_TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "{{ cookiecutter.project_slug }}",
        "OPTIONS": REDIS_TIMEOUTS,
    },
{% if uses_cache %}
    # Sessions get a cache of their own, so that clearing the application's cache
    # never logs anybody out.
    "sessions": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "{{ cookiecutter.project_slug }}:sessions",
{% if engine == "cached_db" %}
        # While Redis is down, read and write sessions in the database alone.
        "OPTIONS": {**REDIS_TIMEOUTS, "IGNORE_EXCEPTIONS": True},
{% else %}
        "OPTIONS": REDIS_TIMEOUTS,
{% endif %}
    },
{% endif %}
}
{% if engine == "cached_db" %}
# ...and say so in the log.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
{% endif %}
{% else %}
# Local memory: private to each process, emptied on every restart. Fine for one
# development server; several workers or servers need a shared cache such as Redis.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "default",
    },
{% if uses_cache %}
    # Sessions get a cache of their own, so that clearing the application's cache
    # never logs anybody out. Local memory evicts past MAX_ENTRIES (300 by default),
    # which would end sessions early.
    "sessions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "sessions",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
{% endif %}
}
{% endif %}

# SESSIONS
# https://docs.djangoproject.com/en/{{ cookiecutter.django_version }}/topics/http/sessions/
# ------------------------------------------------------------------------------
{% if engine == "db" %}
# Session data lives in the django_session table. Expired rows stay until
# `manage.py clearsessions` runs: schedule it (docs/deploying.md).
{% elif engine == "cached_db" %}
# Session data lives in the django_session table and is read through the cache;
# every write goes to both. Expired rows stay until `manage.py clearsessions` runs:
# schedule it (docs/deploying.md).
{% elif engine == "cache" %}
# Session data lives in the cache only: fast, and gone if the cache is emptied or
# evicts it. The cache expires sessions itself.
{% if cookiecutter.cache_backend == "redis" %}
# This is Django's cache engine, except that a Redis outage costs visitors their
# session instead of a server error (see session_guard/cache.py).
{% endif %}
{% elif engine == "file" %}
# Session data lives in one file per session. Expired files stay until
# `manage.py clearsessions` runs: schedule it (docs/deploying.md).
{% elif engine == "signed_cookies" %}
# Session data lives in the cookie itself: signed with SECRET_KEY, so it cannot be
# forged, but not encrypted, so the user can read it. Browsers drop cookies over
# about 4 KB. Rotate SECRET_KEY through SECRET_KEY_FALLBACKS, or everyone is logged out.
{% endif %}
SESSION_ENGINE = "{{ cookiecutter.__session_engine }}"
{% if uses_cache %}
# The cache alias above that holds sessions.
SESSION_CACHE_ALIAS = "sessions"
{% endif %}
{% if engine == "file" %}
# The folder for session files: private to this user (0700), never a shared temp
# folder where other users could list session keys. The template made it; on another
# checkout, `mkdir -m 700 var/sessions` (the system checks say so if it is missing).
{% if cookiecutter.session_file_path %}
{% set quoted_path = cookiecutter.session_file_path | tojson %}
{% if quoted_path | length > 62 %}
SESSION_FILE_PATH = Path(
    {{ quoted_path }}
)
{% else %}
SESSION_FILE_PATH = Path({{ quoted_path }})
{% endif %}
{% else %}
SESSION_FILE_PATH = BASE_DIR / "var" / "sessions"
{% endif %}
{% endif %}
# Lifetime of the session cookie, in seconds.
SESSION_COOKIE_AGE = {{ cookiecutter.session_cookie_age }}
# True ends the session when the browser closes (a cookie without Max-Age).
SESSION_EXPIRE_AT_BROWSER_CLOSE = {{ cookiecutter.session_expire_at_browser_close }}
# True saves the session on every request, so its expiry restarts with each visit.
SESSION_SAVE_EVERY_REQUEST = {{ cookiecutter.session_save_every_request }}
# Name of the session cookie.
SESSION_COOKIE_NAME = "{{ cookiecutter.session_cookie_name }}"
# True sends the cookie over HTTPS only.
SESSION_COOKIE_SECURE = {{ cookiecutter.session_cookie_secure }}
# True hides the cookie from JavaScript (document.cookie).
SESSION_COOKIE_HTTPONLY = {{ cookiecutter.session_cookie_httponly }}
# When the browser sends the cookie on requests started by other sites.
SESSION_COOKIE_SAMESITE = "{{ cookiecutter.session_cookie_samesite }}"
{% if engine == "signed_cookies" %}
# Signed cookies keep the session in the browser, where no server lock reaches: of
# two requests that change the session at once, the last answer wins. Changes that
# would make the cookie's name and value pass this many bytes are refused: browsers
# drop bigger cookies without a word (session_guard/cookie_size.py).
SESSION_GUARD_COOKIE_MAX_BYTES = 4096
{% else %}
# True makes requests that change one session take turns on its lock, so that no
# change is lost (session_guard/locks.py)...
SESSION_GUARD_LOCK = True
# ...and one that waits longer than this many seconds for its turn gets a 503.
SESSION_GUARD_LOCK_TIMEOUT = 10
{% endif %}
# True gives signed-in sessions a record, for "Your sessions" to list and end them
# (session_guard/models.py).
SESSION_GUARD_RECORDS = True
# Seconds without a request after which a session ends on the server, signed in or
# not; 0 for never. Signed-in pages warn two minutes before (session_guard/idle.py).
SESSION_GUARD_IDLE_TIMEOUT = {{ cookiecutter.session_idle_timeout }}
# Seconds after signing in after which a session ends however active it is (30 days,
# NIST SP 800-63B's longest for AAL1; 12 hours for AAL2, see SECURITY.md); None for
# never.
SESSION_GUARD_SIGNED_IN_MAX_AGE = 30 * 24 * 60 * 60
# Engines that kept the sessions before SESSION_ENGINE: a cookie it does not know is
# looked up there, and the session found moves over (session_guard/switching.py).
# Empty again once the old sessions have expired (docs/switching-engines.md).
SESSION_GUARD_FALLBACK_ENGINES = []

# SECURITY
# ------------------------------------------------------------------------------
# The CSRF cookie follows the session cookie over HTTPS or not.
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Django's page for a form without its token (templates/403_csrf.html), rendered
# without taking the session's lock: a forged request changes nothing.
CSRF_FAILURE_VIEW = "{{ cookiecutter.project_slug }}.session_guard.views.csrf_failure"
# Content-Security-Policy: scripts, styles, images and fonts from this site only; no
# inline script or style, no plugins, no <base>, no framing, forms post here only.
{% if cookiecutter.django_version == "5.2" %}
# (Django 6.0 and later send it themselves; pages/middleware.py does on 5.2.)
{% endif %}
SECURE_CSP = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

# REQUEST LIMITS
# ------------------------------------------------------------------------------
# This site takes no uploads and its forms are small: a body over 64 KB is refused
# with a 400 at once (pages/middleware.py), and a multipart body may hold no file.
# The proxy in front should refuse such bodies first (docs/deploying.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 0

# SIGN-IN THROTTLING (django-axes, accounts/throttling.py)
# ------------------------------------------------------------------------------
# After this many failed sign-ins for one username...
AXES_FAILURE_LIMIT = 10
# ...it is refused for this long, the right password included; a success resets it.
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# Counted per username on purpose: a username is locked whatever address or browser
# the tries come from, and no IP address is kept (axes.W006 asks for one).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "{{ cookiecutter.project_slug }}.accounts.throttling.locked_out"
# No IP addresses, and no record of successful sign-ins.
AXES_CLIENT_IP_CALLABLE = "{{ cookiecutter.project_slug }}.accounts.throttling.no_ip"
AXES_DISABLE_ACCESS_LOG = True
{% if cookiecutter.session_engine == "cache" and cookiecutter.cache_backend == "redis" %}
# The counts live in Redis, as the sessions do.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
{% else %}
# The counts live in the database (its axes_accessattempt table).
{% endif %}

# PASSWORD RESET
# ------------------------------------------------------------------------------
# Reset emails one address may be sent in an hour; more get a 429 (accounts/forms.py).
ACCOUNTS_PASSWORD_RESETS_PER_HOUR = 5

# AUTHENTICATION
# ------------------------------------------------------------------------------
# Django's sign-in views are under /accounts/, where LOGIN_URL expects them
# (manage.py create_demo_user makes a user).
AUTHENTICATION_BACKENDS = [
    # Refuses a username with too many failed sign-ins, before the password is tried.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"
# The project's own user model (users/models.py), in place of Django's auth.User: a
# custom user model must exist from the first migration, since Django cannot switch a
# database that holds users to one. Its fields are yours to add.
AUTH_USER_MODEL = "users.User"

# MAIL
# ------------------------------------------------------------------------------
# The site's mail (password resets) is printed to the console; production.py sends it
# through the mail server of EMAIL_URL instead.
{% if cookiecutter.django_version == "5.2" %}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
{% else %}
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"},
}
{% endif %}

# CART
# ------------------------------------------------------------------------------
# Limits that keep one visitor's cart, and so their session, small.
CART_MAX_ITEMS = 50  # different items in one cart
CART_MAX_QUANTITY = 99  # of one item
CART_MAX_NAME_LENGTH = 64  # characters in an item's name

# URLS
# ------------------------------------------------------------------------------
ROOT_URLCONF = "config.urls"
# Where the admin lives; production reads it from DJANGO_ADMIN_URL.
ADMIN_URL = "admin/"
WSGI_APPLICATION = "config.wsgi.application"

# APPS
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Before django.contrib.sessions, so that its clearsessions, which also deletes
    # the records of expired sessions, is the one manage.py runs.
    "{{ cookiecutter.project_slug }}.session_guard",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "{{ cookiecutter.project_slug }}.users",
    "{{ cookiecutter.project_slug }}.accounts",
    "{{ cookiecutter.project_slug }}.pages",
    "{{ cookiecutter.project_slug }}.sessions_demo",
    "{{ cookiecutter.project_slug }}.cart",
]

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
{% if cookiecutter.django_version == "5.2" %}
    # SECURE_CSP, as Django 6.0 and later send it with their own middleware.
    "{{ cookiecutter.project_slug }}.pages.middleware.ContentSecurityPolicyMiddleware",
{% else %}
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
{% endif %}
    # Static files are served here, before any session work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # In place of Django's SessionMiddleware: sessions read once, under their lock,
    # checked for timeouts and ended sessions (session_guard/middleware.py). The
    # system checks keep the CSRF, authentication and message middleware after it.
    "{{ cookiecutter.project_slug }}.session_guard.middleware.SessionGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a refused sign-in into the form again, saying why (accounts/throttling.py).
    "axes.middleware.AxesMiddleware",
    # Last: a body over DATA_UPLOAD_MAX_MEMORY_SIZE is refused before anything reads
    # it, and the page it gives a bare 405 passes through all of the above.
    "{{ cookiecutter.project_slug }}.pages.middleware.PagesMiddleware",
]

# TEMPLATES
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [APPS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "{{ cookiecutter.project_slug }}.session_guard.context.session_guard",
            ],
        },
    },
]

# STATIC FILES
# ------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [APPS_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# PASSWORDS
# ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{validator}"}
    for validator in [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
]
