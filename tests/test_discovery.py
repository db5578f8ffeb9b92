"""The test command finds its interpreters and servers by itself.

Nothing needs to be set for it: a Python 3.12+ is found in pyenv's versions or among
uv's Pythons even when no python3.12 is on PATH, and PostgreSQL and Redis are looked
for at their standard local addresses. What is truly missing skips with one reason,
or fails under REQUIRE_SERVICES=1.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from harness import TEMPLATE_DIR
from harness.environments import find_python, python_or_skip
from harness.services import DEFAULT_URLS, require, url_of

FIND_PYTHON_312 = """
import json
from harness.environments import find_python
found = find_python(">=3.12")
print(json.dumps(found and str(found[1])))
"""


def test_a_python_312_is_found_with_no_python312_on_path():
    if sys.version_info >= (3, 12):
        pytest.skip("the test run's own Python is 3.12+: PATH always has one")
    python_or_skip(">=3.12")  # this machine has one somewhere
    bare = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYENV_VERSION", "VIRTUAL_ENV"))
    }
    # Only this virtual environment's python and python3.11 are on PATH.
    bare["PATH"] = os.path.dirname(sys.executable)
    assert shutil.which("python3.12", path=bare["PATH"]) is None

    result = subprocess.run(
        [sys.executable, "-c", FIND_PYTHON_312],
        cwd=TEMPLATE_DIR,
        env=bare,
        capture_output=True,
        text=True,
        check=True,
    )

    version = json.loads(result.stdout)
    assert version is not None, "no Python 3.12+ found without PATH's help"
    assert tuple(map(int, version.split(".")[:2])) >= (3, 12)


def test_a_missing_python_skips_with_its_reason(monkeypatch):
    monkeypatch.delenv("REQUIRE_SERVICES", raising=False)

    assert find_python(">=9.0") is None
    with pytest.raises(pytest.skip.Exception, match=r"no Python >=9.0 found on PATH"):
        python_or_skip(">=9.0")


def test_a_missing_python_fails_in_ci(monkeypatch):
    monkeypatch.setenv("REQUIRE_SERVICES", "1")

    with pytest.raises(pytest.fail.Exception, match="REQUIRE_SERVICES=1 is set"):
        python_or_skip(">=9.0")


@pytest.mark.parametrize("variable", DEFAULT_URLS)
def test_servers_default_to_their_standard_local_address(monkeypatch, variable):
    monkeypatch.delenv(variable, raising=False)

    assert url_of(variable) == DEFAULT_URLS[variable]


def test_a_server_that_does_not_answer_skips_with_its_address(monkeypatch):
    monkeypatch.delenv("REQUIRE_SERVICES", raising=False)
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")

    with pytest.raises(
        pytest.skip.Exception, match=r"REDIS_URL \(redis://127.0.0.1:1/0\)"
    ):
        require("REDIS_URL")


@pytest.mark.xdist_group("one-worker")
def test_the_tests_of_one_bake_share_a_worker(request):
    """Run the tests of one xdist_group on one worker, which bakes their project once.

    The bake fixture and the tests' order within a bake rely on it; a pytest-xdist
    that stopped grouping would say nothing.
    """
    if not hasattr(request.config, "workerinput"):
        pytest.skip("the tests run in one process (-n 0)")
    assert request.node.nodeid.endswith("@one-worker")
