"""The PostgreSQL and Redis that some bakes use: DATABASE_URL and REDIS_URL.

Unset, each defaults to the server's standard local address, used where it answers.
Where a server does not answer, its tests skip with the reason; with
REQUIRE_SERVICES=1 (as in CI) they fail instead.
"""

import os
import re
import shutil
import socket
from urllib.parse import urlsplit

import pytest

DEFAULT_URLS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
DEFAULT_PORTS = {"DATABASE_URL": 5432, "REDIS_URL": 6379}


def url_of(variable):
    """The server's address: the environment's, or the standard local one."""
    return os.environ.get(variable) or DEFAULT_URLS[variable]


def reachable(variable):
    """Whether anything listens at the address of DATABASE_URL or REDIS_URL."""
    parts = urlsplit(url_of(variable))
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
    missing = [variable for variable in variables if not reachable(variable)]
    if missing:
        addresses = " or ".join(f"{name} ({url_of(name)})" for name in missing)
        unavailable(f"no server answers at {addresses}")


def require_program(name, package):
    if shutil.which(name) is None:
        unavailable(f"{name} is not installed (apt-get install {package})")


def with_database(url, name):
    """The same server, another database."""
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def environment_for(answers, name):
    """What a bake with these answers needs to reach its servers.

    PostgreSQL bakes get a database of their own, named after the bake and the test
    run, so that neither bakes tested side by side nor two runs on one machine (two
    checkouts, say) ever share one.
    """
    environment = {}
    if answers.get("database") == "postgresql":
        require("DATABASE_URL")
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "serial")[:8]
        bake = re.sub(r"\W", "_", name).lower()[:40]
        database = f"bake_{bake}_{run}"  # test_ before it: within PostgreSQL's 63
        environment["DATABASE_URL"] = with_database(url_of("DATABASE_URL"), database)
    if answers.get("cache_backend") == "redis":
        require("REDIS_URL")
        environment["REDIS_URL"] = url_of("REDIS_URL")
    return environment
