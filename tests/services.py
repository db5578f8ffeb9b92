"""The PostgreSQL and Redis that some bakes use: DATABASE_URL and REDIS_URL.

Where a server does not answer, its tests skip with the reason; with
REQUIRE_SERVICES=1 (as in CI) they fail instead.
"""

import os
import re
import shutil
import socket
from urllib.parse import urlsplit

import pytest

DEFAULT_PORTS = {"DATABASE_URL": 5432, "REDIS_URL": 6379}


def answers(variable):
    url = os.environ.get(variable)
    if not url:
        return False
    parts = urlsplit(url)
    address = (parts.hostname or "localhost", parts.port or DEFAULT_PORTS[variable])
    try:
        socket.create_connection(address, timeout=3).close()
    except OSError:
        return False
    return True


def unavailable(reason):
    """Skip for this reason; with REQUIRE_SERVICES=1, fail."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason}, and REQUIRE_SERVICES=1 is set")
    pytest.skip(reason)


def require(*variables):
    missing = [variable for variable in variables if not answers(variable)]
    if missing:
        unavailable(f"no server answers at {' or '.join(missing)}")


def require_program(name, package):
    if shutil.which(name) is None:
        unavailable(f"{name} is not installed (apt-get install {package})")


def with_database(url, name):
    """The same server, another database."""
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def environment_for(answers, name):
    """What a bake with these answers needs to reach its servers.

    PostgreSQL bakes get a database of their own, named after the bake, so that bakes
    tested side by side never share one.
    """
    environment = {}
    if answers.get("database") == "postgresql":
        require("DATABASE_URL")
        database = "bake_" + re.sub(r"\W", "_", name).lower()[:50]
        environment["DATABASE_URL"] = with_database(
            os.environ["DATABASE_URL"], database
        )
    if answers.get("cache_backend") == "redis":
        require("REDIS_URL")
        environment["REDIS_URL"] = os.environ["REDIS_URL"]
    return environment
