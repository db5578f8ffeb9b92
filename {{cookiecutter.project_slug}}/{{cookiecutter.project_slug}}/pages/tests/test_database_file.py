"""The SQLite database is private: its files are readable by this user only."""

from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="only an SQLite database is a file of the project's",
)


def database_files():
    """Return the test database's file, with its -wal and -shm files if there."""
    database = str(connection.settings_dict["NAME"])
    paths = [Path(database), Path(f"{database}-wal"), Path(f"{database}-shm")]
    return [path for path in paths if path.exists()]


def modes(paths):
    return {path.name: oct(path.stat().st_mode & 0o777) for path in paths}


def test_the_database_files_are_private():
    connection.ensure_connection()
    files = database_files()

    assert files, "the test database has no file"
    assert modes(files) == {path.name: "0o600" for path in files}


def test_a_new_connection_makes_them_private_again():
    files = database_files()
    for path in files:
        path.chmod(0o644)  # as a copy or a restore from backup may leave them

    other = connection.copy()
    other.ensure_connection()
    other.close()

    assert modes(files) == {path.name: "0o600" for path in files}
