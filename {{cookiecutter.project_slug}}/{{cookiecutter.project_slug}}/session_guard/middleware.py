from contextlib import ExitStack

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.cache import patch_cache_control

from .idle import activity_is_stale
from .locks import SessionBusy, lock_for_engine, session_store_class

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class SessionLockMiddleware:
    """Run each view that may change a session under that session's lock.

    It sits before SessionMiddleware, so the lock is released after the session is
    saved. The lock is taken just before the view runs, and only for a session that
    exists and a request that passed the CSRF check (which reads a form's whole body):
    a made-up cookie, a forged request or a slow upload never holds it. Requests that
    may change a session are those with an unsafe method, every request under
    SESSION_SAVE_EVERY_REQUEST, and one that notes the time of the session's last
    request (idle.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.lock = lock_for_engine()
        if self.lock is None:
            raise MiddlewareNotUsed("No lock reaches sessions of this engine.")
        self.session_store = session_store_class()
        csrf = "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
        self.csrf = CsrfViewMiddleware(get_response) if csrf else None

    def __call__(self, request):
        # Leaving the block releases the lock, after SessionMiddleware saved.
        with ExitStack() as locks:
            request.session_guard_locks = locks
            return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        may_write = (
            request.method not in SAFE_METHODS
            or settings.SESSION_SAVE_EVERY_REQUEST
            or activity_is_stale(request.session)
        )
        if not session_key or not may_write:
            return None
        # CsrfViewMiddleware then skips the request it has already passed.
        if self.csrf and (
            refused := self.csrf.process_view(request, view, view_args, view_kwargs)
        ):
            return refused
        if not is_stored(request.session, session_key):
            return None
        try:
            request.session_guard_locks.enter_context(self.lock(session_key))
        except SessionBusy:
            return HttpResponse(
                "Another request is changing this session. Try again in a moment.",
                status=503,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": "1"},
            )
        # Read before the lock was taken, so perhaps before another request's change
        # was saved: read it again.
        request.session = self.session_store(session_key)
        return None


def is_stored(session, session_key):
    """Return True if the session loaded from the store under session_key.

    Every engine leaves a session loaded under a key it does not hold (made up,
    expired, malformed) with another key or none. SignedInSessionMiddleware reads the
    session of every request before any view runs, so this costs no read of its own.
    """
    session.keys()  # loads it, where nothing has yet
    return session.session_key == session_key


class PrivateSessionResponsesMiddleware:
    """Mark each response that read the session private, for no shared cache to keep.

    SessionMiddleware adds Vary: Cookie to them, which many shared caches and CDNs
    ignore.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.session.accessed:
            patch_cache_control(response, private=True)
        return response
