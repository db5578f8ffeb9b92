"""What the template's tests and its benchmarks share.

baking: a generated project, its commands, and getting it ready to serve as in
production. environments: a virtual environment per Python and dependency list.
services: the PostgreSQL and Redis of DATABASE_URL and REDIS_URL. servers: gunicorn,
runserver and a throwaway Redis as child processes, and a cookie-keeping HTTP client.
engines: what each session engine is, as cookiecutter.json says. npm_tools: tools
from npm, installed under .cache/.
"""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent.parent
