"""Real servers for the tests that need them: gunicorn, runserver, a throwaway Redis.

Each runs as a child process on a free port of 127.0.0.1, logs to a file, and is
stopped when its `with` block ends.
"""

import re
import socket
import subprocess
import time
from http.cookies import SimpleCookie

import pytest
import requests

from .environments import clean_environment
from .services import require_program


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listened on port {port} within {seconds} s")


class Server:
    """A command that listens on a port; a context manager that starts and stops it."""

    def __init__(self, command, log, port=None, cwd=None, environment=None):
        self.port = port or free_port()
        self.command = [str(part).format(port=self.port) for part in command]
        self.log, self.cwd, self.environment = log, cwd, environment
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=self.cwd,
                env=clean_environment(**(self.environment or {})),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self.port, self.process, self.log)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()


def gunicorn(project, log, threads=1, app="config.wsgi", cwd=None, **environment):
    """The project under gunicorn with its production settings, 2 workers.

    app and cwd serve another WSGI app with the project's Python and the same flags.
    """
    return Server(
        [project.python, "-m", "gunicorn", app, "--workers", "2",
         "--threads", threads, "--bind", "127.0.0.1:{port}", "--access-logfile", "-"],
        log,
        cwd=cwd or project.path,
        environment={**project.service_environment, **environment},
    )  # fmt: skip


def redis_server(workdir, port=None):
    """A Redis of the test's own, that keeps nothing on disk."""
    require_program("redis-server", "redis-server")
    return Server(
        ["redis-server", "--port", "{port}", "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", workdir],
        workdir / "redis.log",
        port=port,
    )  # fmt: skip


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CART_LINE = re.compile(
    r'<span class="item">(.+?)</span>\s*<span class="quantity">.*?× (\d+)</span>'
)


def cart_lines(html):
    """Return {item: quantity} as a cart page shows it."""
    return {item: int(quantity) for item, quantity in CART_LINE.findall(html)}


class CookieClient:
    """An HTTP client that keeps cookies as a browser would on an HTTPS site.

    Not a browser: no page is rendered and no script runs (the generated projects' e2e
    suites drive Chromium for that). Requests go to the app server over plain http with
    the header a TLS proxy adds, so Secure cookies are kept and sent as over https.
    """

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, **kwargs):
        origin = re.match(r"http://[^/]+", url).group(0).replace("http:", "https:")
        response = requests.request(
            method,
            url,
            cookies=self.cookies,
            headers={"X-Forwarded-Proto": "https", "Origin": origin},
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    def get(self, url):
        return self.request("GET", url)

    def submit(self, url, **fields):
        """Open the page with a form at url and post the form with these fields."""
        page = self.get(url)
        token = CSRF_TOKEN.search(page.text)
        assert token, f"no form on {url}: {page.status_code}"
        form = {"csrfmiddlewaretoken": token[1], **fields}
        return self.request("POST", url, data=form)

    def cart(self, server_url):
        page = self.get(f"{server_url}/cart/")
        assert page.status_code == 200, page.status_code
        return cart_lines(page.text)
