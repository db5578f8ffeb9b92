"""Finish the generated project: a secret key of its own, only the files it needs.

The secret key is made here, not in cookiecutter.json, so that it never reaches the
cookiecutter context, the replay file or a .cruft.json.
"""

import json
import os
import secrets
from pathlib import Path

ANSWERS = json.loads({{ cookiecutter | jsonify | tojson }})
SLUG = ANSWERS["project_slug"]


def unneeded_files(answers):
    """Files that only some answers use."""
    engine = answers["session_engine"]
    redis = answers["cache_backend"] == "redis"
    guard = Path(SLUG, "session_guard")
    if engine == "cache" and not redis:
        # A restart empties a local-memory cache and every session: nothing to prove.
        yield Path(SLUG, "sessions_demo", "tests", "test_persistence.py")
    if not (engine == "cache" and redis):
        # The outage-proof engine serves cache sessions in Redis only.
        yield guard / "cache.py"
    if not (engine in ("cache", "cached_db") and redis):
        # Only sessions in Redis have a Redis outage to live through.
        yield guard / "tests" / "test_redis_outage.py"
    if engine in ("cache", "signed_cookies"):
        # Nothing for clearsessions to do: the cache or the browser expires sessions.
        yield Path(SLUG, "sessions_demo", "tests", "test_clearsessions.py")
    if engine == "signed_cookies":
        # No server lock reaches a session kept in the browser.
        yield guard / "locks.py"
        yield guard / "middleware.py"
        yield guard / "tests" / "test_locks.py"
    else:
        yield guard / "tests" / "test_signed_cookie_limits.py"


def write_env_file():
    env_file = Path(".env")
    # token_urlsafe keeps to characters that .env parsers take literally (no $ or #).
    env_file.write_text(
        "# Settings for this machine only; git ignores this file.\n"
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\n"
    )
    env_file.chmod(0o600)


def print_next_steps():
    print(
        f"""
{ANSWERS["project_name"]} is ready in ./{SLUG}. Next:

    cd {SLUG}
    python3 -m venv .venv
    .venv/bin/python -m pip install -e '.[dev]'
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py runserver

then open http://127.0.0.1:8000/. Run its tests with: .venv/bin/python -m pytest
"""
    )


def main():
    for path in unneeded_files(ANSWERS):
        os.remove(path)
    write_env_file()
    print_next_steps()


if __name__ == "__main__":
    main()
