"""Each bake's SECURITY.md answers every ASVS requirement it covers, with real tests.

Every session requirement of OWASP ASVS 5.0 at Levels 1 and 2 (V7), the cookie
requirements (V3.3) and the brute-force ones (6.1.1, 6.3.1) have a row; a row names a
test that exists in the bake, by path and name, or says why it needs none.
"""

import re

import pytest

from .combinations import SUPPORTED, WITH_SERVICES

REQUIREMENTS = [
    *("7.1.1", "7.1.2", "7.1.3"),
    *("7.2.1", "7.2.2", "7.2.3", "7.2.4"),
    *("7.3.1", "7.3.2"),
    *("7.4.1", "7.4.2", "7.4.3", "7.4.4", "7.4.5"),
    *("7.5.1", "7.5.2", "7.5.3"),
    *("7.6.1", "7.6.2"),
    *("3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5"),
    *("6.1.1", "6.3.1"),
]
# | requirement | how | proof |
ROW = re.compile(r"^\| (\d+\.\d+\.\d+) \|(.*?)\|(.*)\|$", re.MULTILINE)
TEST = re.compile(r"`([\w/.-]+\.py)::(\w+)`")
# A row without a test says why: the requirement does not apply, or is Level 3.
NO_TEST_NEEDED = ("Not applicable", "Level 3")


@pytest.mark.parametrize("combination", SUPPORTED + WITH_SERVICES)
def test_every_requirement_has_a_row_and_every_test_named_exists(bake, combination):
    project = bake(combination)
    rows = ROW.findall((project.path / "SECURITY.md").read_text())

    assert sorted(requirement for requirement, _, _ in rows) == sorted(REQUIREMENTS)
    for requirement, how, proof in rows:
        tests = TEST.findall(proof)
        assert tests or how.strip().startswith(NO_TEST_NEEDED), requirement
        for path, name in tests:
            source = project.path / path
            assert source.is_file(), f"{requirement}: no {path}"
            defined = re.search(rf"^def {name}\(", source.read_text(), re.MULTILINE)
            assert defined, f"{requirement}: no test {name} in {path}"
