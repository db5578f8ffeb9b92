"""Run inside a baked project by lock_cost.py: time cart changes with and without
the session lock, in-process through Django's whole middleware stack.

Prints one JSON object: seconds per change, one figure per round, with and without.
"""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())  # the baked project, run from its folder
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
django.setup()

from cart_changes import seconds_per_change  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

CHANGES, ROUNDS = int(sys.argv[1]), int(sys.argv[2])


def seconds_per_change_with(lock):
    # DEBUG off, as in production: Django then keeps no list of the queries.
    with override_settings(
        SESSION_GUARD_LOCK=lock, DEBUG=False, ALLOWED_HOSTS=["localhost"]
    ):
        client = Client(SERVER_NAME="localhost")
        client.get("/set_session/")
        return seconds_per_change(client, CHANGES)


call_command("migrate", verbosity=0)
figures = {"without": [], "with": []}
for _ in range(ROUNDS):  # interleaved, so that drift hits both alike
    figures["without"].append(seconds_per_change_with(lock=False))
    figures["with"].append(seconds_per_change_with(lock=True))
print(json.dumps(figures))
