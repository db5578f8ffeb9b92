"""Run inside a baked project by lock_cost.py: time cart changes with and without
the session lock, in-process through Django's whole middleware stack.

Prints one JSON object: seconds per change, one figure per round, with and without.
"""

import json
import os
import sys
import time

import django

sys.path.insert(0, os.getcwd())  # the baked project, run from its folder
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

CHANGES, ROUNDS = int(sys.argv[1]), int(sys.argv[2])
DIFFERENT_ITEMS = 50  # the cart's default limit


def seconds_per_change(middleware):
    with override_settings(MIDDLEWARE=middleware):
        client = Client(SERVER_NAME="localhost")
        client.get("/set_session/")
        start = time.perf_counter()
        for number in range(CHANGES):
            response = client.post(f"/add_to_cart/item-{number % DIFFERENT_ITEMS}/")
            assert response.status_code == 302, response.status_code
        return (time.perf_counter() - start) / CHANGES


call_command("migrate", verbosity=0)
locked = list(settings.MIDDLEWARE)
unlocked = [name for name in locked if not name.endswith(".SessionLockMiddleware")]
assert unlocked != locked, "no SessionLockMiddleware to measure"
figures = {"without": [], "with": []}
for _ in range(ROUNDS):  # interleaved, so that drift hits both alike
    figures["without"].append(seconds_per_change(unlocked))
    figures["with"].append(seconds_per_change(locked))
print(json.dumps(figures))
