"""A team that changes its session settings keeps a green suite that checks them.

The generated suite reads the settings in force, never the answers the project was
generated with: edit every setting of the SESSIONS block in base.py, as a team would,
and the bake's own suite, its browser tests included, passes and checks the new values.
A guard the team turns off is skipped, with the reason.
"""

import re

import pytest

from .combinations import Combination

EDITED = Combination(
    "team-edits-file-django6.1", {"session_engine": "file", "django_version": "6.1"}
)
# Each setting of the SESSIONS block, set to a value other than the template's default;
# a cookie that ends with the browser, SameSite Strict and no Secure flag are browser
# tested here only.
EDITS = {
    "SESSION_COOKIE_AGE": 3600,
    "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
    "SESSION_SAVE_EVERY_REQUEST": True,
    "SESSION_COOKIE_NAME": "shop_session",
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_HTTPONLY": False,
    "SESSION_COOKIE_SAMESITE": "Strict",
    "SESSION_GUARD_LOCK_TIMEOUT": 5,
    "SESSION_GUARD_RECORDS": False,
    "SESSION_GUARD_IDLE_TIMEOUT": 900,
    "SESSION_GUARD_SIGNED_IN_MAX_AGE": 86400,
}


def edit_settings(path, edits):
    """Set each NAME = value line of a settings file, as a person would edit it."""
    text = path.read_text()
    for name, value in edits.items():
        literal = f'"{value}"' if isinstance(value, str) else repr(value)
        text, count = re.subn(
            rf"^{name} = .*$", f"{name} = {literal}", text, flags=re.MULTILINE
        )
        assert count == 1, f"{name} is not set once in {path}"
    path.write_text(text)


@pytest.mark.parametrize("combination", [EDITED.param()])
def test_the_suite_checks_the_settings_a_team_chose(bake, combination):
    project = bake(combination)
    edit_settings(project.path / "config" / "settings" / "base.py", EDITS)
    settings = project.session_settings(names=list(EDITS))
    assert {name: settings["test"][name] for name in EDITS} == EDITS

    # The browser tests check the cookie as Chromium keeps it; the accessibility sweep
    # of every page, and many random inputs, prove nothing about settings.
    result = project.run("-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                         "-k", "not test_page_reads_well",
                         "--hypothesis-profile=quick")  # fmt: skip
    assert "SESSION_GUARD_RECORDS is off" in result.stdout
