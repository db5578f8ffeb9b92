"""Which answers the template supports, and which it must refuse.

SUPPORTED combinations are baked, and each bake's own test suite, `manage.py check`,
`check --deploy`, `makemigrations --check` and ruff run on it. WITH_SERVICES
combinations are tested the same way against the PostgreSQL and Redis of DATABASE_URL
and REDIS_URL. REJECTED answers must stop generation with one line naming the key,
and leave no folder behind.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from allpairspy import AllPairs

from harness import TEMPLATE_DIR, engines

DEFAULTS = {
    key: value[0] if isinstance(value, list) else value
    for key, value in json.loads(
        (TEMPLATE_DIR / "cookiecutter.json").read_text()
    ).items()
    if not key.startswith("_")
}
ENGINES = list(engines.ENGINES)
DJANGO_VERSIONS = ["5.2", "6.1"]


@dataclass(frozen=True)
class Combination:
    id: str
    answers: dict = field(hash=False)

    def param(self):
        # One xdist worker bakes a combination and runs every test of it.
        return pytest.param(self, id=self.id, marks=pytest.mark.xdist_group(self.id))


def combinations(*items):
    return [item.param() for item in items]


# Outside any temp folder, which the template refuses for session files; the bake
# fixture removes it at the end. One per run (xdist names each run), so that two runs
# on one machine never remove it under each other.
OWN_SESSION_FOLDER = (
    Path.home()
    / ".cache"
    / "django-sessions-template-tests"
    / os.environ.get("PYTEST_XDIST_TESTRUNUID", "serial")
)

# Two of the engine bakes also carry answers that need no bake of their own: free text
# that must survive TOML, Python, HTML and Markdown unharmed, and a file engine with a
# folder of its own under the longest slug.
EXTRA_ANSWERS = {
    ("cache", "6.1"): (
        "odd-names",
        {
            "project_name": 'Tea & Cake\'s "Shop"',
            "description": "Quotes \" and ' and back\\slashes; <b>not bold</b>",
            "author_name": "Zoë O'Brien",
            "author_email": "zoe+shop@example.co.uk",
        },
    ),
    ("file", "6.1"): (
        "own-folder-longest-slug",
        {
            "project_slug": "a_project_slug_of_30_character",
            "session_file_path": str(OWN_SESSION_FOLDER),
        },
    ),
}


def engine_combination(engine, version):
    """Return the bake of one engine and Django version, on the defaults otherwise."""
    name, extra = EXTRA_ANSWERS.get((engine, version), (None, {}))
    return Combination(
        "-".join(filter(None, [engine, f"django{version}", name])),
        {"session_engine": engine, "django_version": version, **extra},
    )


# Every engine with both Django versions.
ENGINE_MATRIX = [
    engine_combination(engine, version)
    for engine in ENGINES
    for version in DJANGO_VERSIONS
]

# Every pair of values of the cookie answers and Django version appears in at least one
# bake; the engines take turns across the rows. (The generated suites test the lock
# with and without SESSION_SAVE_EVERY_REQUEST, whatever the answers, so no pair of an
# engine and a cookie answer needs a bake of its own.) Values that break a rule
# (SameSite=None or a __Host- name without Secure) are left to REJECTED.
PAIRWISE_VALUES = {
    "django_version": DJANGO_VERSIONS,
    "session_cookie_samesite": ["Lax", "Strict", "None"],
    "session_cookie_name": ["sessionid", "shop_session", "__Host-sid"],
    "session_cookie_age": ["1209600", "60", "34560000"],
    "session_cookie_secure": [True, False],
    "session_cookie_httponly": [True, False],
    "session_expire_at_browser_close": [False, True],
    "session_save_every_request": [False, True],
    "session_idle_timeout": ["0", "900"],
}
SHORT_NAMES = {
    "session_cookie_samesite": "samesite",
    "session_cookie_name": "name",
    "session_cookie_age": "age",
    "session_cookie_secure": "secure",
    "session_cookie_httponly": "httponly",
    "session_expire_at_browser_close": "browser_close",
    "session_save_every_request": "save_every_request",
    "session_idle_timeout": "idle",
}


def follows_the_rules(values):
    answers = dict(zip(PAIRWISE_VALUES, values, strict=False))
    if int(answers.get("session_idle_timeout", 0)) > int(
        answers.get("session_cookie_age", 34560000)
    ):
        return False
    if answers.get("session_cookie_secure", True):
        return True
    return answers.get("session_cookie_samesite") != "None" and not answers.get(
        "session_cookie_name", ""
    ).startswith("__Host-")


def pairwise_id(number, answers):
    changed = [
        f"{short}={answers[key]}"
        for key, short in SHORT_NAMES.items()
        if answers[key] != DEFAULTS[key]
    ]
    engine, version = answers["session_engine"], answers["django_version"]
    return "-".join([f"pairs{number:02d}", engine, f"django{version}", *changed])


PAIRWISE = [
    Combination(pairwise_id(number, answers), answers)
    for number, answers in enumerate(
        (
            {
                "session_engine": ENGINES[number % len(ENGINES)],
                **dict(zip(PAIRWISE_VALUES, row, strict=True)),
            }
            for number, row in enumerate(
                AllPairs(list(PAIRWISE_VALUES.values()), filter_func=follows_the_rules)
            )
        ),
        start=1,
    )
    # A row of defaults but for engine and version is in ENGINE_MATRIX already.
    if any(answers[key] != DEFAULTS[key] for key in SHORT_NAMES)
]

SUPPORTED = combinations(*ENGINE_MATRIX, *PAIRWISE)

# The engines that use a server, on it, with each Django version at least once.
WITH_SERVICES = combinations(
    *(
        Combination(
            f"{database}-{cache}-{engine}-django{version}",
            {
                "database": database,
                "cache_backend": cache,
                "session_engine": engine,
                "django_version": version,
            },
        )
        for database, cache, engine, version in [
            # (db and cached_db take the same row lock on PostgreSQL, one with each
            # Django version; cached_db on SQLite and Redis: its lock file is the
            # SQLite bakes', its Redis the PostgreSQL bake's.)
            ("postgresql", "locmem", "db", "5.2"),
            ("postgresql", "redis", "cached_db", "6.1"),
            ("sqlite", "redis", "cache", "5.2"),
            ("postgresql", "redis", "cache", "6.1"),
            ("postgresql", "locmem", "file", "5.2"),
            ("postgresql", "redis", "signed_cookies", "6.1"),
        ]
    )
)


def first(candidates, **wanted):
    return next(
        candidate
        for candidate in candidates
        if all(candidate.answers.get(key) == value for key, value in wanted.items())
    )


# Whose own suite runs with its browser tests (Chromium): db, cached_db, cache and
# signed_cookies sessions, SameSite Lax and None, a __Host- name, a bake on PostgreSQL
# and Redis. (The bake of tests/test_team_edits.py adds file sessions, a cookie that
# ends with the browser, SameSite Strict and no Secure flag.) The other bakes run their
# suites without them (-m "not e2e").
BROWSER_TESTED = {
    first(ENGINE_MATRIX, session_engine="db").id,
    first(ENGINE_MATRIX, session_engine="signed_cookies").id,
    first(PAIRWISE, session_engine="cache", session_cookie_samesite="None").id,
    "postgresql-redis-cached_db-django6.1",
}
# Of those, whose every page, in every state, goes through axe-core: one bake of each
# Django version, whose forms render differently. The pages are the same for every
# engine but for a sentence of the playground.
ACCESSIBILITY_CHECKED = {
    first(ENGINE_MATRIX, session_engine="db").id,
    "postgresql-redis-cached_db-django6.1",
}

# Whose own suite leaves out the tests that start servers (gunicorn, a live server) or
# manage.py (-m "not serving"): the pairwise bakes, which vary only cookie answers, and
# no such test depends on them.
SERVING_LEFT_OUT = {combination.id for combination in PAIRWISE}


@dataclass(frozen=True)
class Rejected:
    key: str
    value: str
    reason: str  # a part of the message that says what is allowed
    other_answers: dict = field(hash=False)

    @property
    def answers(self):
        return {**self.other_answers, self.key: self.value}


def rejected(id, key, value, reason, **other_answers):
    return pytest.param(Rejected(key, value, reason, other_answers), id=id)


# fmt: off
REJECTED = [
    rejected("slug-with-hyphen", "project_slug", "session-shop", "lowercase Python identifier"),
    rejected("slug-with-capitals", "project_slug", "SessionShop", "lowercase Python identifier"),
    rejected("slug-starting-with-digit", "project_slug", "1shop", "lowercase Python identifier"),
    rejected("slug-keyword", "project_slug", "class", "lowercase Python identifier"),
    rejected("slug-too-long", "project_slug", "s" * 31, "at most 30 characters"),
    rejected("slug-stdlib-module", "project_slug", "json", "shadow"),
    rejected("slug-django", "project_slug", "django", "shadow"),
    rejected("slug-config", "project_slug", "config", "shadow"),
    rejected("name-with-braces", "project_name", "Shop {name}", "leave out"),
    rejected("name-with-markup", "project_name", "<b>Shop</b>", "leave out", project_slug="shop"),
    rejected("name-blank", "project_name", " ", "1 to 80", project_slug="shop"),
    rejected("email-without-at", "author_email", "you.example.com", "name@example.com"),
    rejected("age-zero", "session_cookie_age", "0", "whole seconds from 1 to 34560000"),
    rejected("age-over-400-days", "session_cookie_age", "34560001", "whole seconds"),
    rejected("age-negative", "session_cookie_age", "-60", "whole seconds"),
    rejected("age-fraction", "session_cookie_age", "1.5", "whole seconds"),
    rejected("age-words", "session_cookie_age", "two weeks", "whole seconds"),
    rejected("idle-under-a-minute", "session_idle_timeout", "30", "whole seconds from 60 to session_cookie_age (1209600)"),
    rejected("idle-over-cookie-age", "session_idle_timeout", "3601", "from 60 to session_cookie_age (3600)", session_cookie_age="3600"),
    rejected("idle-negative", "session_idle_timeout", "-60", "0 for none"),
    rejected("idle-words", "session_idle_timeout", "15 minutes", "0 for none"),
    rejected("samesite-none-without-secure", "session_cookie_samesite", "None", "answer yes to session_cookie_secure", session_cookie_secure="no"),
    rejected("cookie-name-with-space", "session_cookie_name", "session id", "RFC 6265"),
    rejected("cookie-name-with-semicolon", "session_cookie_name", "sid;", "RFC 6265"),
    rejected("cookie-name-empty", "session_cookie_name", "", "RFC 6265"),
    rejected("cookie-name-non-ascii", "session_cookie_name", "sessión", "RFC 6265"),
    rejected("cookie-name-of-csrf", "session_cookie_name", "csrftoken", "Django already uses"),
    rejected("host-prefix-without-secure", "session_cookie_name", "__Host-sid", "__Host-", session_cookie_secure="no"),
    rejected("secure-prefix-without-secure", "session_cookie_name", "__Secure-sid", "__Secure-", session_cookie_secure="no"),
    rejected("file-path-relative", "session_file_path", "var/sessions", "absolute", session_engine="file"),
    rejected("file-path-tmp", "session_file_path", "/tmp", "temp folder", session_engine="file"),
    rejected("file-path-under-tmp", "session_file_path", "/tmp/shop-sessions", "temp folder", session_engine="file"),
    rejected("file-path-var-tmp", "session_file_path", "/var/tmp/", "temp folder", session_engine="file"),
    rejected("file-path-sneaky-tmp", "session_file_path", "/srv/../tmp/s", "temp folder", session_engine="file"),
    rejected("file-path-without-file-engine", "session_file_path", "/srv/sessions", "only the file session engine"),
]
# fmt: on
