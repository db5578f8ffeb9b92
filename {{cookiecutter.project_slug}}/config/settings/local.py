"""Settings for development on this machine (`manage.py runserver`)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
# From the git-ignored .env file that the template wrote.
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
{% if cookiecutter.session_cookie_secure %}

# runserver speaks plain http, and some clients never send a Secure cookie back over
# it, which silently breaks sessions. Production keeps the Secure flag.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
{% if cookiecutter.session_cookie_samesite == "None" %}
# Browsers drop SameSite=None cookies that are not Secure; production keeps None.
SESSION_COOKIE_SAMESITE = "Lax"
{% endif %}
{% endif %}
