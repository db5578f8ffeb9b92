"""Validate every answer before cookiecutter writes the project.

Each check is a plain function over the answers that raises InvalidAnswer with one
line naming the key, the value and what is allowed. A check that reads another answer
leaves a refused one to that answer's own check, so each bad answer is told once.
main() prints every such line and the command that asks again with the other answers
kept, and exits 1; cookiecutter then removes the half-made project folder. Standard
library only: this runs before the project, or any of its dependencies, exists. The
answers are read inside main(), so that tests and local_extensions.py can import the
rules.
"""

import json
import keyword
import os
import re
import shlex
import sys
import tempfile

MAX_COOKIE_AGE = 400 * 24 * 60 * 60  # browsers cap cookie lifetimes at 400 days

# Names the generated project imports or defines at its top level; a slug equal to one
# of them would shadow it.
TAKEN_MODULE_NAMES = {
    "config",
    "manage",
    "django",
    "environ",
    "django_redis",
    "redis",
    "psycopg",
    "pytest",
    "pytest_django",
    "tests",
    "test",
}

# RFC 6265 cookie-name token: any visible ASCII character except the separators.
COOKIE_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Cookies Django itself sets; reusing a name would make the two overwrite each other.
DJANGO_COOKIE_NAMES = {"csrftoken", "messages", "django_language"}
SECURE_ONLY_PREFIXES = ("__Host-", "__Secure-")

# Folders every local user can list and write: session files there leak their keys.
# (Named to refuse them, never used: hence the nosec for bandit.)
SHARED_TEMP_DIRS = {"/tmp", "/var/tmp", "/dev/shm", tempfile.gettempdir()}  # nosec B108


class InvalidAnswer(ValueError):
    """An answer the template refuses; the message is the one line the user sees."""

    def __init__(self, answers, key, allowed):
        super().__init__(f"{key}={answers[key]!r} is not allowed: {allowed}.")
        self.key = key


def check_project_name(answers):
    name = answers["project_name"]
    if not name.strip() or len(name) > 80 or not name.isprintable():
        raise InvalidAnswer(answers, "project_name", "use 1 to 80 printable characters")
    if any(char in name for char in "{}<>"):
        raise InvalidAnswer(
            answers,
            "project_name",
            "leave out { } < >, which templates would interpret",
        )


def project_slug_problem(slug):
    """Return what is wrong with a project slug, or None if nothing is."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,29}", slug) or keyword.iskeyword(slug):
        return (
            "use a lowercase Python identifier of at most 30 characters "
            "(letters, digits, underscores; not starting with a digit)"
        )
    if slug in sys.stdlib_module_names or slug in TAKEN_MODULE_NAMES:
        return "it would shadow a module of that name; pick another"
    return None


def check_project_slug(answers):
    problem = project_slug_problem(answers["project_slug"])
    if problem:
        raise InvalidAnswer(answers, "project_slug", problem)


def check_author_email(answers):
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", answers["author_email"]):
        raise InvalidAnswer(
            answers, "author_email", "give an address like name@example.com"
        )


def cookie_age_allowed(age):
    return bool(re.fullmatch(r"[0-9]+", str(age))) and 1 <= int(age) <= MAX_COOKIE_AGE


def check_session_cookie_age(answers):
    if not cookie_age_allowed(answers["session_cookie_age"]):
        raise InvalidAnswer(
            answers,
            "session_cookie_age",
            f"give whole seconds from 1 to {MAX_COOKIE_AGE} (400 days)",
        )


def check_session_idle_timeout(answers):
    timeout = str(answers["session_idle_timeout"])
    age = str(answers["session_cookie_age"])
    if timeout == "0" or not cookie_age_allowed(age):
        return  # no timeout, or one check_session_cookie_age has already refused
    if not re.fullmatch(r"[0-9]+", timeout) or not 60 <= int(timeout) <= int(age):
        raise InvalidAnswer(
            answers,
            "session_idle_timeout",
            f"give 0 for none, or whole seconds from 60 to session_cookie_age ({age})",
        )


def check_session_cookie_samesite(answers):
    if (
        answers["session_cookie_samesite"] == "None"
        and not answers["session_cookie_secure"]
    ):
        raise InvalidAnswer(
            answers,
            "session_cookie_samesite",
            "browsers drop SameSite=None cookies that are not Secure; "
            "choose Lax or Strict, or answer yes to session_cookie_secure",
        )


def check_session_cookie_name(answers):
    name = answers["session_cookie_name"]
    if not COOKIE_NAME.fullmatch(name):
        raise InvalidAnswer(
            answers,
            "session_cookie_name",
            "use letters, digits and !#$%&'*+-.^_`|~ only (an RFC 6265 token)",
        )
    if name in DJANGO_COOKIE_NAMES:
        raise InvalidAnswer(
            answers,
            "session_cookie_name",
            "Django already uses that cookie; pick another",
        )
    if name.startswith(SECURE_ONLY_PREFIXES) and not answers["session_cookie_secure"]:
        raise InvalidAnswer(
            answers,
            "session_cookie_name",
            "browsers reject __Host- and __Secure- cookies that are not Secure; "
            "drop the prefix or answer yes to session_cookie_secure",
        )


def check_session_file_path(answers):
    path = answers["session_file_path"]
    if not path:
        return
    if answers["session_engine"] != "file":
        raise InvalidAnswer(
            answers,
            "session_file_path",
            "only the file session engine uses it; leave it empty",
        )
    if not os.path.isabs(path):
        raise InvalidAnswer(
            answers, "session_file_path", "give an absolute path, or nothing"
        )
    folder = os.path.normpath(path).replace("//", "/")
    if any(
        folder == temp or folder.startswith(temp + "/") for temp in SHARED_TEMP_DIRS
    ):
        raise InvalidAnswer(
            answers,
            "session_file_path",
            "other local users can list a shared temp folder and read session keys "
            "there; give a private folder",
        )


CHECKS = [
    check_project_name,
    check_project_slug,
    check_author_email,
    check_session_cookie_age,
    check_session_idle_timeout,
    check_session_cookie_samesite,
    check_session_cookie_name,
    check_session_file_path,
]


def problems(answers):
    """Return the message of every check the answers fail, by the key it names."""
    errors = {}
    for check in CHECKS:
        try:
            check(answers)
        except InvalidAnswer as error:
            errors[error.key] = str(error)
    return errors


def defaults(answers):
    """Return cookiecutter.json's default answers (the first of each choice)."""
    with open(os.path.join(answers["_repo_dir"], "cookiecutter.json")) as file:
        template = json.load(file)
    return {
        key: value[0] if isinstance(value, list) else value
        for key, value in template.items()
    }


def command_line_value(value):
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def rerun_command(answers, refused):
    """Return the cookiecutter command that asks again, the other answers kept.

    Each answer that differs from the template's default goes on the command line,
    where it becomes the default of its prompt: Enter keeps it. The refused answers
    are left out, and the slug too when the project name was refused, since it was
    made from the name.
    """
    left_out = set(refused) | ({"project_slug"} if "project_name" in refused else set())
    template_defaults = defaults(answers)
    kept = [
        f"{key}={command_line_value(value)}"
        for key, value in answers.items()
        if key in template_defaults
        and not key.startswith("_")
        and key not in left_out
        and value != template_defaults[key]
    ]
    checkout = ["--checkout", answers["_checkout"]] if answers.get("_checkout") else []
    return shlex.join(["cookiecutter", *checkout, answers["_template"], *kept])


def main():
    answers = json.loads({{ cookiecutter | jsonify | tojson }})  # fmt: skip
    errors = problems(answers)
    if not errors:
        return
    for error in errors.values():
        print(f"ERROR: {error}", file=sys.stderr)
    print(
        "Nothing was made. To answer again, with your other answers kept:\n"
        f"    {rerun_command(answers, errors)}",
        file=sys.stderr,
    )
    sys.exit(1)


if __name__ == "__main__":
    main()
