"""Run inside a baked project by guard_cost.py: time a signed-in visitor's cart
changes, in-process through Django's whole middleware stack, with the project's
per-request guards on, with two of them off one at a time, and with all of them off.

Prints one JSON object: {variant: [seconds per change, one figure per round]}.
"""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())  # the baked project, run from its folder
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
django.setup()

from cart_changes import seconds_per_change  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

CHANGES, ROUNDS = int(sys.argv[1]), int(sys.argv[2])
PASSWORD = "a bench horse battery 46"  # noqa: S105
# The middleware of each guard: the session lock, the sessions record, the idle
# timeout, the Content-Security-Policy (django-csp or Django's own), sign-in throttling.
GUARDS = (
    ".SessionLockMiddleware",
    ".SignedInSessionMiddleware",
    ".IdleTimeoutMiddleware",
    ".CSPMiddleware",
    ".ContentSecurityPolicyMiddleware",
    ".AxesMiddleware",
)
ALL = list(settings.MIDDLEWARE)
IDLE = {"SESSION_GUARD_IDLE_TIMEOUT": 900}
NO_IDLE = {"SESSION_GUARD_IDLE_TIMEOUT": 0}


def without(*suffixes):
    return [name for name in ALL if not name.endswith(suffixes)]


VARIANTS = {
    "all": (ALL, IDLE),
    "without the sessions record": (without(".SignedInSessionMiddleware"), IDLE),
    "without the idle timeout": (ALL, NO_IDLE),
    "none": (without(*GUARDS), NO_IDLE),
}


def seconds_per_signed_in_change(middleware, overrides):
    # DEBUG off, as in production: Django then keeps no list of the queries.
    with override_settings(
        MIDDLEWARE=middleware, DEBUG=False, ALLOWED_HOSTS=["localhost"], **overrides
    ):
        client = Client(SERVER_NAME="localhost")
        signed_in = client.post(
            "/accounts/login/", {"username": "bench", "password": PASSWORD}
        )
        assert signed_in.status_code == 302, signed_in.status_code
        return seconds_per_change(client, CHANGES)


call_command("migrate", verbosity=0)
get_user_model().objects.create_user("bench", password=PASSWORD)
figures = {variant: [] for variant in VARIANTS}
order = list(VARIANTS)
for _ in range(ROUNDS):  # interleaved, so that drift hits every variant alike...
    for variant in order:
        middleware, overrides = VARIANTS[variant]
        figures[variant].append(seconds_per_signed_in_change(middleware, overrides))
    order = order[1:] + order[:1]  # ...and each goes first as often as the others
print(json.dumps(figures))
