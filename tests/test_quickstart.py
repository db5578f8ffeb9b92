"""The default project, set up with its README's own commands, serves every page.

This is the path of a new user: generate, follow "Run it" word for word, open the
site in a client that keeps cookies the way browsers do (no Secure cookie over http).
"""

import json
import re
import shlex
import shutil
import subprocess
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from harness.baking import MANAGE_DATABASE
from harness.environments import clean_environment
from harness.servers import Server, cart_lines
from harness.services import require, require_program

from .cli import run_cookiecutter
from .combinations import Combination

pytestmark = pytest.mark.xdist_group("quickstart")

PAGES = [
    "/",
    "/set_session/",
    "/get_session/",
    "/session/",
    "/cart/",
    "/add_to_cart/awesome-item/",
    "/accounts/login/",
    "/static/css/site.css",
    "/static/favicon.svg",
]


def readme_commands(project_dir):
    readme = (project_dir / "README.md").read_text()
    block = re.search(r"## Run it\n.*?```sh\n(.*?)```", readme, re.DOTALL).group(1)
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("quickstart")
    assert run_cookiecutter(workdir).returncode == 0
    project = workdir / "out" / "session_shop"
    *setup, runserver = readme_commands(project)
    assert runserver[-2:] == ["manage.py", "runserver"]
    for command in setup:
        subprocess.run(command, cwd=project, env=clean_environment(), check=True)
    server = Server(
        [*runserver, "127.0.0.1:{port}", "--noreload"],
        workdir / "runserver.log",
        cwd=project,
    )
    with server:
        yield server.url


def browser():
    return build_opener(HTTPCookieProcessor(CookieJar()))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served(site, path):
    with browser().open(site + path) as response:
        assert response.status == 200


def test_session_outlives_the_request_over_plain_http(site):
    client = browser()
    client.open(site + "/set_session/").close()

    with client.open(site + "/get_session/") as response:
        page = response.read().decode()

    assert "Username: john_doe" in page
    assert "Logged In: True" in page


def test_cart_takes_a_confirmed_item(site):
    client = browser()
    with client.open(site + "/add_to_cart/awesome-item/") as response:
        confirm_page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm_page)

    form = urlencode({"csrfmiddlewaretoken": token.group(1), "quantity": "2"})
    with client.open(site + "/add_to_cart/awesome-item/", form.encode()) as response:
        cart_page = response.read().decode()

    assert response.url == site + "/cart/"
    assert cart_lines(cart_page) == {"awesome-item": 2}


# Run by the bake's python, which has Playwright: a real Chromium's walk through the
# site under runserver, printing the cookies it kept.
CHROMIUM_WALK = """
import json, os, sys
from playwright.sync_api import expect, sync_playwright

site, chromium = sys.argv[1:]
quiet = ["--disable-background-networking", "--disable-component-update"]
sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=quiet + sandbox)
    page = browser.new_page()
    page.goto(site + "/set_session/")
    page.goto(site + "/get_session/")
    expect(page.get_by_text("Username: john_doe")).to_be_visible()
    page.goto(site + "/add_to_cart/tea/")
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator(".cart .item")).to_have_text(["tea"])
    print(json.dumps(page.context.cookies()))
    browser.close()
"""

HOST_PREFIXED = Combination(
    "runserver-host-prefixed-cookie", {"session_cookie_name": "__Host-shop"}
)


@pytest.mark.parametrize("combination", [HOST_PREFIXED.param()])
def test_a_host_prefixed_cookie_keeps_sessions_under_runserver(
    bake, tmp_path, combination
):
    require_program("chromium", "chromium")
    project = bake(combination)
    project.manage("migrate", "--no-input")
    runserver = Server(
        [project.python, "manage.py", "runserver", "127.0.0.1:{port}", "--noreload"],
        tmp_path / "runserver.log",
        cwd=project.path,
    )

    with runserver:
        walk = project.run("-c", CHROMIUM_WALK, runserver.url, shutil.which("chromium"))

    [cookie] = [c for c in json.loads(walk.stdout) if c["name"] == "__Host-shop"]
    assert cookie["secure"] is True


POSTGRESQL = Combination(
    "runserver-postgresql",
    {"project_name": "Quickstart PG Shop", "database": "postgresql"},
)


def env_value(project, name):
    """Return the value of NAME=value in a project's .env file."""
    return next(
        line.split("=", 1)[1]
        for line in (project.path / ".env").read_text().splitlines()
        if line.startswith(f"{name}=")
    )


@pytest.mark.parametrize("combination", [POSTGRESQL.param()])
def test_a_postgresql_project_migrates_as_its_readme_says(bake, combination):
    # The README's commands, with the tests' shared virtual environment for the one it
    # makes: they make the database .env names on the local server, and migrate it.
    require("DATABASE_URL")
    require_program("createdb", "postgresql-client")
    project = bake(combination)
    *setup, runserver = readme_commands(project.path)
    assert runserver[-2:] == ["manage.py", "runserver"]
    own_python = [
        [project.python, *command[1:]] if command[0] == ".venv/bin/python" else command
        for command in setup
        if "venv" not in command and "pip" not in command
    ]
    assert [command[0] for command in own_python] == ["createdb", project.python]
    local = {**clean_environment(), "DATABASE_URL": env_value(project, "DATABASE_URL")}
    drop = [project.python, "-c", MANAGE_DATABASE, "drop"]
    subprocess.run(drop, env=local, check=True)
    try:
        for command in own_python:
            subprocess.run(
                command, cwd=project.path, env=clean_environment(), check=True
            )
    finally:
        subprocess.run(drop, env=local, check=True)
