"""A baked project, and what it takes to serve one as in production.

Shared by the tests and the benchmarks.
"""

import json
import secrets
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .environments import Environments, clean_environment

# The settings that the answers set.
SESSION_SETTINGS = [
    "SESSION_ENGINE", "SESSION_COOKIE_AGE", "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_SAVE_EVERY_REQUEST", "SESSION_COOKIE_NAME", "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_GUARD_IDLE_TIMEOUT",
]  # fmt: skip
# Production's mail settings, set up as a deploy would: a server under .invalid, which
# never resolves, since nothing here sends mail.
PRODUCTION_MAIL = {
    "EMAIL_URL": "smtp+tls://smtp.mail.invalid:587",
    "DJANGO_DEFAULT_FROM_EMAIL": "shop@example.com",
}
# Run by a bake's python: settings (named in argv) as each settings module has them.
READ_SESSION_SETTINGS = """
import importlib, json, os, sys
os.environ.setdefault("DJANGO_SECRET_KEY", "x" * 50)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "shop.example.com")
names = sys.argv[1:]
print(json.dumps({
    module: {
        name: getattr(importlib.import_module(f"config.settings.{module}"), name)
        for name in names
    }
    for module in ["base", "test", "production"]
}))
"""


@dataclass
class BakedProject:
    path: Path
    answers: dict
    environments: Environments
    # DATABASE_URL and REDIS_URL, for bakes that use those servers
    service_environment: dict = field(default_factory=dict)

    @property
    def python(self):
        return self.environments.python_for(self.path)

    def run(self, *args, check=True, **environment):
        """Run the project's python with args in its folder.

        With check, a failure fails the test and shows the output.
        """
        result = subprocess.run(
            [self.python, *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env=clean_environment(**{**self.service_environment, **environment}),
            timeout=600,
        )
        assert not check or result.returncode == 0, (
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
        return result

    def manage(self, *args, check=True, **environment):
        return self.run("manage.py", *args, check=check, **environment)

    def session_settings(self, names=SESSION_SETTINGS):
        """Return {settings module: {setting: value}} of the session settings."""
        return json.loads(self.run("-c", READ_SESSION_SETTINGS, *names).stdout)


# Run by the bake's python, which has psycopg: make or drop the bake's own database.
MANAGE_DATABASE = """
import os, sys, psycopg
from urllib.parse import urlsplit
url = urlsplit(os.environ["DATABASE_URL"])
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    connection.execute(f'DROP DATABASE IF EXISTS "{url.path[1:]}" WITH (FORCE)')
    if sys.argv[1] == "create":
        connection.execute(f'CREATE DATABASE "{url.path[1:]}"')
"""
FORGET_REDIS_KEYS = """
from django.core.cache import caches
for alias in caches.settings:
    caches[alias].delete_pattern("*")
"""


def prepare_for_production(project, **environment):
    """Migrate a bake's database and collect its static files, as a deploy would.

    Returns the production environment to serve it with, and a function that drops
    its database and forgets its keys in the shared Redis afterwards.
    """
    environment = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        **PRODUCTION_MAIL,
        **environment,
    }
    cleanups = []
    if "DATABASE_URL" in project.service_environment:
        project.run("-c", MANAGE_DATABASE, "create")
        cleanups.append(lambda: project.run("-c", MANAGE_DATABASE, "drop"))
    shared_redis = project.service_environment.get("REDIS_URL")
    if shared_redis and environment.get("REDIS_URL", shared_redis) == shared_redis:
        cleanups.append(
            lambda: project.manage("shell", "-c", FORGET_REDIS_KEYS, **environment)
        )
    project.manage("migrate", "--no-input", **environment)
    project.manage("collectstatic", "--no-input", **environment)

    def clean_up():
        for cleanup in reversed(cleanups):
            cleanup()

    return environment, clean_up
