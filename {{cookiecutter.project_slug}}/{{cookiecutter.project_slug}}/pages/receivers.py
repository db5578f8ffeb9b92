import logging
from pathlib import Path

from django.db.backends.signals import connection_created
from django.dispatch import receiver

logger = logging.getLogger(__name__)


@receiver(connection_created)
def keep_sqlite_files_private(sender, connection, **kwargs):
    """Make an SQLite database file, and its -wal and -shm files, private (0600).

    They hold password hashes and session data. SQLite makes its -wal and -shm files
    with the database file's mode: once that is 0600, so are they.
    """
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    database = str(connection.settings_dict["NAME"])
    for path in [Path(database), Path(f"{database}-wal"), Path(f"{database}-shm")]:
        try:
            mode = path.stat().st_mode
            if mode & 0o077:
                path.chmod(mode & 0o700)
        except FileNotFoundError:
            continue  # no -wal or -shm file yet
        except PermissionError:
            logger.warning("%s stays open to other users: another user owns it", path)
