"""Fifty simultaneous changes to one session all arrive.

Against gunicorn (2 workers of 4 threads each) with production settings, for every
engine that keeps sessions on the server, on SQLite and on PostgreSQL. Without the
session lock, Django's last-write-wins saves would drop most of them.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.engines import ENGINES, LOCKABLE
from harness.servers import CSRF_TOKEN, CookieClient, gunicorn

from .combinations import Combination

CHANGES = 50  # also the cart's limit of different items


def combination(engine, database):
    # Engines that use the cache need one that every worker shares: Redis.
    cache = "redis" if ENGINES[engine].uses_cache else "locmem"
    return Combination(
        f"locks-{engine}-{database}",
        {
            "project_name": f"Locks {engine} {database}",
            "database": database,
            "cache_backend": cache,
            "session_engine": engine,
        },
    )


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
@pytest.mark.parametrize("engine", LOCKABLE)
def test_fifty_simultaneous_additions_all_arrive(
    bake, deploy, tmp_path, engine, database
):
    project = bake(combination(engine, database))
    environment = deploy(project)
    shopper = CookieClient()

    with gunicorn(project, tmp_path / "gunicorn.log", threads=4, **environment) as app:
        shopper.get(f"{app.url}/set_session/")
        token = CSRF_TOKEN.search(shopper.get(f"{app.url}/session/").text)[1]

        def add(number):
            url = f"{app.url}/add_to_cart/item-{number}/"
            return shopper.request("POST", url, data={"csrfmiddlewaretoken": token})

        with ThreadPoolExecutor(max_workers=16) as pool:
            responses = list(pool.map(add, range(CHANGES)))

        assert [response.status_code for response in responses] == [302] * CHANGES
        assert shopper.cart(app.url) == {f"item-{n}": 1 for n in range(CHANGES)}
