"""Settings for development on this machine (`manage.py runserver`)."""

from .dot_env import read_dot_env

read_dot_env()

from .base import *  # noqa: E402, F403
from .base import (  # noqa: E402
    INSTALLED_APPS,
    SESSION_COOKIE_NAME,
    SESSION_COOKIE_SAMESITE,
    env,
)

DEBUG = True
# From the .env file that the template wrote.
SECRET_KEY = env("DJANGO_SECRET_KEY")
# runserver leaves static files to WhiteNoise, as production does.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]

# runserver speaks plain http. Browsers keep Secure cookies from http://localhost and
# 127.0.0.1, but other clients (curl, Python's http.cookiejar, Safari) never send one
# back over http, which silently breaks sessions there: the cookies drop the flag
# here, and production keeps it. A __Host- or __Secure- name needs the flag, so such a
# cookie keeps it, and works in Chromium and Firefox.
if not SESSION_COOKIE_NAME.startswith(("__Host-", "__Secure-")):
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    if SESSION_COOKIE_SAMESITE == "None":
        # Browsers drop SameSite=None cookies that are not Secure.
        SESSION_COOKIE_SAMESITE = "Lax"
