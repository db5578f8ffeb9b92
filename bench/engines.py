"""What each session engine costs under load, and our cart against the tutorial's.

1. Engine table: one bake per engine (PostgreSQL and Redis where the engine uses them,
   SQLite otherwise), each under gunicorn with 2 workers, driven by wrk: GET /cart/
   with a 10-item cart, POST add-to-cart, and a page that touches no session.
2. Side by side, on the db engine and SQLite: our add-to-cart, a naive add_to_cart
   written the way the classic cart tutorial teaches (GET, append to a list in the
   session) in a bare `django-admin startproject` project with the same settings, and
   the ceiling.
"""

import json
import subprocess
from functools import partial

from harness.engines import USING_A_CACHE
from harness.servers import CookieClient, gunicorn

from .common import bake, probe, summary
from .serving import VISITORS, cookie_header, served, visitors_with_carts
from .wrk import load

# engine: where its sessions live, and the answers that put them there
STORES = {
    "db": ("PostgreSQL", {"database": "postgresql"}),
    "cached_db": ("Redis, then PostgreSQL", {"database": "postgresql"}),
    "cache": ("Redis", {}),
    "file": ("files", {}),
    "signed_cookies": ("the cookie", {}),
}
# Every engine that uses the cache gets Redis, as in production.
ENGINES = {
    name: (
        store,
        answers | {"cache_backend": "redis"} if name in USING_A_CACHE else answers,
    )
    for name, (store, answers) in STORES.items()
}
SCENARIOS = {
    "read the cart": ("/cart/", False, True),
    "add to the cart": ("/add_to_cart/item-%d/", True, True),
    "no session": ("/bench/ceiling/", False, False),
}


def rounds(url, path, new_visitors, post, repeat, seconds):
    """repeat wrk runs; each starts with fresh visitors, so runs start alike even
    where a cart grows with every request (the tutorial's)."""
    runs = [load(url, path, new_visitors(), post, seconds) for _ in range(repeat)]
    failed = sum(run["failed"] for run in runs)
    if failed:
        raise RuntimeError(f"{failed} failed requests on {path}")
    return {key: summary([run[key] for run in runs]) for key in ("rps", "p50", "p99")}


def engine_table(workdir, repeat, seconds, engines=tuple(ENGINES)):
    """Load figures per engine and scenario, and session growth per engine."""
    load_figures, growth = {}, {}
    for engine in engines:
        _, answers = ENGINES[engine]
        project = bake(workdir, f"bench_{engine}", session_engine=engine, **answers)
        with served(project, workdir / f"{engine}.log") as (server, environment):
            load_figures[engine] = {
                scenario: rounds(
                    server.url,
                    path,
                    partial(visitors_with_carts, server.url) if session else tuple,
                    post,
                    repeat,
                    seconds,
                )
                for scenario, (path, post, session) in SCENARIOS.items()
            }
            growth[engine] = json.loads(
                probe(project, "growth_probe.py", repeat, **environment)
            )
    return load_figures, growth


NAIVE_VIEWS = """from django.shortcuts import render
from django.urls import path


# Seed 003, as the tutorial writes it.
def add_to_cart(request, item):
    cart = request.session.get("cart", [])
    cart.append(item)
    request.session["cart"] = cart
    return render(request, "cart/cart.html", {"cart": cart})


urlpatterns = [path("add_to_cart/<item>/", add_to_cart, name="add_to_cart")]
"""
NAIVE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Your Shopping Cart</title></head>
<body>
<h1>Your Shopping Cart</h1>
<ul>
{% for item in cart %}<li>{{ item }}</li>
{% endfor %}
</ul>
</body>
</html>
"""
NAIVE_SETTINGS = """
# The benchmark's: the same session and database settings as the template's bake.
from config.settings.bench import CACHES, DATABASES, SECRET_KEY  # noqa: E402, F401
from config.settings.bench import SESSION_ENGINE  # noqa: E402, F401

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "naive.shop"
TEMPLATES[0]["DIRS"] = [BASE_DIR / "templates"]
"""


def naive(ours, environment, workdir, repeat, seconds):
    """Seed 003's view in a bare startproject, on our bake's settings and database."""
    folder = ours.path / "naive_project"
    folder.mkdir()
    django_admin = ours.python.parent / "django-admin"
    subprocess.run([django_admin, "startproject", "naive", folder], check=True)
    (folder / "naive" / "shop.py").write_text(NAIVE_VIEWS)
    (folder / "templates" / "cart").mkdir(parents=True)
    (folder / "templates" / "cart" / "cart.html").write_text(NAIVE_TEMPLATE)
    with open(folder / "naive" / "settings.py", "a") as settings:
        settings.write(NAIVE_SETTINGS)
    server = gunicorn(
        ours,
        workdir / "naive.log",
        app="naive.wsgi",
        cwd=folder,
        **{
            **environment,
            "DJANGO_SETTINGS_MODULE": "naive.settings",
            "PYTHONPATH": str(ours.path),
        },
    )

    def visitors_with_ten_items():
        visitors = []
        for _ in range(VISITORS):
            client = CookieClient()
            for number in range(10):
                client.get(f"{server.url}/add_to_cart/item-{number}/")
            visitors.append((cookie_header(client), ""))
        return visitors

    with server:
        return rounds(
            server.url, "/add_to_cart/item-%d/", visitors_with_ten_items, False,
            repeat, seconds,
        )  # fmt: skip


def side_by_side(workdir, repeat, seconds):
    ours = bake(workdir, "bench_side_by_side", session_engine="db")
    with served(ours, workdir / "ours.log") as (server, environment):
        results = {
            "our add-to-cart (POST, CSRF, lock)": rounds(
                server.url,
                "/add_to_cart/item-%d/",
                partial(visitors_with_carts, server.url),
                True,
                repeat,
                seconds,
            ),
            "the tutorial's add_to_cart (GET, append)": naive(
                ours, environment, workdir, repeat, seconds
            ),
            "no session (ceiling)": rounds(
                server.url, "/bench/ceiling/", tuple, False, repeat, seconds
            ),
        }
    return results
