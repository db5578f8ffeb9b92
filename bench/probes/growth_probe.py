"""Run inside a baked project by engines.py: session load and save time against cart
size, and the size of a signed cookie.

Prints one JSON object: {cart size: {"seconds": [per round], "cookie_bytes": n}}.
"""

import json
import os
import sys
import time
from importlib import import_module

import django

sys.path.insert(0, os.getcwd())  # the baked project, run from its folder
django.setup()

from django.conf import settings  # noqa: E402

SIZES, ROUNDS, REPEAT = [1, 10, 100, 1000], int(sys.argv[1]), 50
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def load_change_save(session_key, cart):
    """What a request that changes the cart does to its session."""
    session = SessionStore(session_key)
    session.load()
    session["cart"] = cart
    session.save()
    return session.session_key


results = {}
for size in SIZES:
    cart = {f"item-{number:04}": 1 for number in range(size)}
    session_key = load_change_save(None, cart)
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(REPEAT):
            session_key = load_change_save(session_key, cart)
        rounds.append((time.perf_counter() - start) / REPEAT)
    signed = settings.SESSION_ENGINE.endswith("signed_cookies")
    results[size] = {
        "seconds": rounds,
        "cookie_bytes": len(session_key) if signed else None,
    }
print(json.dumps(results))
