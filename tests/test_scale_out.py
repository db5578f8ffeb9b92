"""Several app servers share sessions, and a Redis outage breaks no page.

Real processes throughout: gunicorn with production settings, PostgreSQL and Redis
from DATABASE_URL and REDIS_URL, and a throwaway redis-server that is stopped and
started again under running servers.
"""

import pytest

from harness.engines import USING_A_CACHE
from harness.servers import CookieClient, gunicorn, redis_server
from harness.services import require

from .combinations import Combination


def shared(engine):
    return Combination(
        f"scale-out-{engine}",
        {
            "project_name": f"Scale Out {engine}",
            "database": "postgresql",
            "cache_backend": "redis",
            "session_engine": engine,
        },
    )


def outage(engine):
    return Combination(
        f"outage-{engine}",
        {
            "project_name": f"Outage {engine}",
            "cache_backend": "redis",
            "session_engine": engine,
        },
    )


@pytest.mark.parametrize("engine", USING_A_CACHE)
def test_two_servers_share_sessions_and_carts(bake, deploy, tmp_path, engine):
    require("DATABASE_URL", "REDIS_URL")
    project = bake(shared(engine))
    environment = deploy(project)
    client = CookieClient()

    with (
        gunicorn(project, tmp_path / "a.log", **environment) as server_a,
        gunicorn(project, tmp_path / "b.log", **environment) as server_b,
    ):
        assert client.get(f"{server_a.url}/set_session/").status_code == 200
        page = client.get(f"{server_b.url}/get_session/").text
        assert "Username: john_doe" in page

        response = client.submit(f"{server_a.url}/add_to_cart/tea/", quantity="2")
        assert response.status_code == 302
        assert client.cart(server_b.url) == {"tea": 2}

        response = client.submit(f"{server_b.url}/add_to_cart/cake/")
        assert response.status_code == 302
        assert client.cart(server_a.url) == {"tea": 2, "cake": 1}


def test_cached_db_keeps_every_cart_through_a_redis_outage(bake, deploy, tmp_path):
    redis = redis_server(tmp_path)
    project = bake(outage("cached_db"))
    environment = deploy(project, REDIS_URL=f"redis://127.0.0.1:{redis.port}/0")
    shoppers = [CookieClient() for _ in range(3)]

    with redis, gunicorn(project, tmp_path / "gunicorn.log", **environment) as server:
        for number, shopper in enumerate(shoppers):
            shopper.submit(f"{server.url}/add_to_cart/tea-{number}/")

        redis.stop()
        for number, shopper in enumerate(shoppers):
            response = shopper.submit(f"{server.url}/add_to_cart/cake-{number}/")
            assert response.status_code == 302
            assert shopper.cart(server.url) == {f"tea-{number}": 1, f"cake-{number}": 1}

        redis.start()  # empty: it kept nothing on disk
        for number, shopper in enumerate(shoppers):
            shopper.submit(f"{server.url}/add_to_cart/pie-{number}/")
            assert shopper.cart(server.url) == {
                f"tea-{number}": 1,
                f"cake-{number}": 1,
                f"pie-{number}": 1,
            }
    assert "Exception ignored" in (tmp_path / "gunicorn.log").read_text()


def test_cache_sessions_restart_fresh_through_a_redis_outage(bake, deploy, tmp_path):
    redis = redis_server(tmp_path)
    project = bake(outage("cache"))
    environment = deploy(project, REDIS_URL=f"redis://127.0.0.1:{redis.port}/0")
    shopper = CookieClient()

    with redis, gunicorn(project, tmp_path / "gunicorn.log", **environment) as server:
        shopper.submit(f"{server.url}/add_to_cart/tea/")
        assert shopper.cart(server.url) == {"tea": 1}

        redis.stop()
        # Every page still answers; the session cannot be kept meanwhile.
        for path in ["/", "/set_session/", "/get_session/", "/session/", "/cart/"]:
            assert shopper.get(server.url + path).status_code == 200
        assert shopper.submit(f"{server.url}/add_to_cart/cake/").status_code == 302
        assert shopper.cart(server.url) == {}

        redis.start()
        shopper.submit(f"{server.url}/add_to_cart/pie/")
        assert shopper.cart(server.url) == {"pie": 1}
    assert "Session cache unreachable" in (tmp_path / "gunicorn.log").read_text()
