from django.conf import settings
from django.http import HttpResponse

from .locks import SessionBusy, lock_for_engine

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class SessionLockMiddleware:
    """Run each request that may change a session under that session's lock.

    It sits before SessionMiddleware, so the session is read after the lock is taken
    and saved before it is released. Requests that may change a session are those
    with an unsafe method, or every request under SESSION_SAVE_EVERY_REQUEST.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.lock = lock_for_engine()

    def __call__(self, request):
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        may_write = (
            request.method not in SAFE_METHODS or settings.SESSION_SAVE_EVERY_REQUEST
        )
        if self.lock is None or not session_key or not may_write:
            return self.get_response(request)
        try:
            with self.lock(session_key):
                return self.get_response(request)
        except SessionBusy:
            return HttpResponse(
                "Another request is changing this session. Try again in a moment.",
                status=503,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": "1"},
            )
