"""Finish the generated project: a secret key of its own, only the files it needs.

The secret key is made here, not in cookiecutter.json, so that it never reaches the
cookiecutter context, the replay file or a .cruft.json. Standard library only.
"""

import json
import os
import re
import secrets
import shlex
import shutil
import subprocess
from pathlib import Path

# The oldest Python of each Django version.
OLDEST_PYTHON = {"5.2": "3.10", "6.1": "3.12"}


def unneeded_files(answers):
    """Yield the files that only other answers use."""
    slug = answers["project_slug"]
    engine = answers["session_engine"]
    traits = answers["_engine_traits"][engine]
    redis = answers["cache_backend"] == "redis"
    guard = Path(slug, "session_guard")
    if traits["cache_only"] and not redis:
        # A restart empties a local-memory cache and every session: nothing to prove.
        yield Path(slug, "tests", "test_persistence.py")
    if not (engine == "cache" and redis):
        # The outage-proof engine serves cache sessions in Redis only.
        yield guard / "cache.py"
    if not (traits["uses_cache"] and redis):
        # Only sessions in Redis have a Redis outage to live through.
        yield guard / "tests" / "test_redis_outage.py"
    if not traits["needs_clearsessions"]:
        # Nothing for clearsessions to do: the cache or the browser expires sessions.
        yield Path(slug, "tests", "test_clearsessions.py")
    if not traits["lockable"]:
        # No server lock reaches a session kept in the browser.
        yield guard / "tests" / "test_locks.py"
        yield guard / "tests" / "test_lock_kinds.py"
    if traits["server_side"]:
        # A cookie that holds only the session's key stays far below the size limit.
        yield guard / "tests" / "test_signed_cookie_limits.py"


def service_urls():
    """Return the servers' addresses that .env.example sets, for .env."""
    lines = Path(".env.example").read_text().splitlines()
    return dict(
        line.split("=", 1)
        for line in lines
        if line.startswith(("DATABASE_URL=", "REDIS_URL="))
    )


def write_env_file():
    env_file = Path(".env")
    # token_urlsafe keeps to characters that .env parsers take literally (no $ or #).
    lines = [
        "# Settings for this machine only; git ignores this file.",
        f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}",
        *(f"{name}={url}" for name, url in service_urls().items()),
    ]
    env_file.write_text("\n".join(lines) + "\n")
    env_file.chmod(0o600)


def by_version(path):
    """Sort .../3.12.1/bin/python3 and .../cpython-3.12.1-.../bin/python3 by version."""
    numbers = re.search(r"(\d+)\.(\d+)\.?(\d*)", path)
    return tuple(int(part or 0) for part in numbers.groups()) if numbers else ()


def candidate_pythons():
    """Yield the interpreters of this machine, wherever they usually are.

    python3 and each python3.N on PATH first, then pyenv's versions and uv's managed
    Pythons, which need not be on PATH at all.
    """
    yield "python3"
    yield from (f"python3.{minor}" for minor in range(10, 16))
    home = Path.home()
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or home / ".pyenv")
    pyenv_pythons = pyenv_root.glob("versions/*/bin/python3")
    uv_root = Path(
        os.environ.get("UV_PYTHON_INSTALL_DIR") or home / ".local/share/uv/python"
    )
    uv_pythons = uv_root.glob("cpython-*/bin/python3")
    yield from sorted(map(str, [*pyenv_pythons, *uv_pythons]), key=by_version)


def python_version(executable):
    """Return the version an interpreter gives, such as "3.12.1", or None."""
    path = shutil.which(executable)
    if path is None:
        return None
    try:
        result = subprocess.run(
            [path, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    # pyenv shims exist for every version but run only those PYENV_VERSION names.
    return result.stdout.strip() if result.returncode == 0 else None


def find_python(oldest):
    """Return the first interpreter of candidate_pythons() at `oldest` or newer."""
    wanted = tuple(map(int, oldest.split(".")))
    for executable in candidate_pythons():
        version = python_version(executable)
        if version and tuple(map(int, version.split(".")[:2])) >= wanted:
            return executable
    return None


def next_steps(answers, project_dir):
    """Return what to type next, from wherever cookiecutter was run."""
    oldest = OLDEST_PYTHON[answers["django_version"]]
    python = find_python(oldest)
    steps = [f"cd {shlex.quote(str(project_dir))}"]
    if python:
        steps.append(f"{shlex.quote(python)} -m venv .venv")
    else:
        steps += [
            f"uv python install {oldest}    # no Python {oldest}+ found here",
            f"uv venv --seed --python {oldest} .venv",
        ]
    steps.append(".venv/bin/python -m pip install -e '.[dev]'")
    urls = service_urls()
    folder = answers["session_engine"] == "file" and answers["session_file_path"]
    if folder and not Path(folder).is_dir():
        steps.append(f"mkdir -p -m 700 {shlex.quote(folder)}    # SESSION_FILE_PATH")
    if "DATABASE_URL" in urls:
        steps.append(
            f"createdb -h 127.0.0.1 -U postgres {answers['project_slug']}"
            "    # the database of DATABASE_URL in .env"
        )
    steps += [
        ".venv/bin/python manage.py migrate",
        ".venv/bin/python manage.py runserver",
    ]
    notes = [f"Django {answers['django_version']} needs Python {oldest} or newer."]
    if urls:
        notes.append(
            "Its servers, as .env gives them: "
            + ", ".join(f"{name}={url}" for name, url in urls.items())
        )
    return (
        f"\n{answers['project_name']} is ready in {project_dir}. Next:\n\n"
        + "".join(f"    {step}\n" for step in steps)
        + "\nthen open http://127.0.0.1:8000/. Run its tests with: "
        ".venv/bin/python -m pytest\n" + "".join(f"{note}\n" for note in notes)
    )


def main():
    answers = json.loads({{ cookiecutter | jsonify | tojson }})  # fmt: skip
    for path in unneeded_files(answers):
        os.remove(path)
    write_env_file()
    if answers["session_engine"] == "file" and not answers["session_file_path"]:
        # SESSION_FILE_PATH of base.py, private to this user.
        Path("var", "sessions").mkdir(mode=0o700, parents=True)
    # Cookiecutter runs this hook inside the new project.
    print(next_steps(answers, Path.cwd()))


if __name__ == "__main__":
    main()
