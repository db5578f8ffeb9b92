"""Django's cache session engine, made to outlive a Redis outage.

With Django's own engine an unreachable cache becomes a server error as soon as a
session is saved or a new one is made. This engine logs a warning instead: while Redis
is down visitors get a fresh session that is not kept, and every page still works.

(cached_db sessions need no engine of their own: their cache ignores its errors, so
they are read from and written to the database while Redis is down.)
"""

import logging

from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore

from .reading_locks import CACHE_DOWN, NOT_SAVED

logger = logging.getLogger(__name__)


class SessionStore(CacheSessionStore):
    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except CACHE_DOWN:
            return False  # nothing can be stored under it anyway

    def save(self, must_create=False):
        try:
            super().save(must_create)
        except CACHE_DOWN:
            logger.warning(NOT_SAVED)

    def delete(self, session_key=None):
        try:
            super().delete(session_key)
        except CACHE_DOWN:
            # If Redis comes back with its data, this session comes back too.
            logger.warning("Session cache unreachable: a session was not deleted.")
