"""What each session engine is, read from the one place the template defines it.

cookiecutter.json's private `_engine_traits` serve the Jinja templates and the hooks;
this module gives the same to the tests and the benchmarks.
"""

import json
from dataclasses import dataclass

from . import TEMPLATE_DIR


@dataclass(frozen=True)
class Engine:
    name: str
    # Sessions live on the server, the cookie holding only their key.
    server_side: bool
    # Sessions go through the cache (SESSION_CACHE_ALIAS).
    uses_cache: bool
    # Sessions live in the cache and nowhere else.
    cache_only: bool
    # A lock per session can make changes take turns (session_guard/locks.py).
    lockable: bool
    # Expired sessions stay until `manage.py clearsessions` removes them.
    needs_clearsessions: bool


def _read():
    cookiecutter = json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text())
    return {
        name: Engine(name, **traits)
        for name, traits in cookiecutter["_engine_traits"].items()
    }


ENGINES = _read()
USING_A_CACHE = [engine.name for engine in ENGINES.values() if engine.uses_cache]
LOCKABLE = [engine.name for engine in ENGINES.values() if engine.lockable]
