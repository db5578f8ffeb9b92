"""Read the git-ignored .env file next to manage.py into the environment.

base.py takes the values that differ per machine from the environment, so a settings
module reads the file before it imports base.py. Real environment variables win over
the file.
"""

from pathlib import Path

import environ

DOT_ENV = Path(__file__).resolve().parent.parent.parent / ".env"


def read_dot_env():
    """Put the variables of .env that the environment lacks into it."""
    environ.Env.read_env(DOT_ENV)
