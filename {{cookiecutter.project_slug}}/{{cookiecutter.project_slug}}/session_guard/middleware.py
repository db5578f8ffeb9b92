from contextlib import ExitStack

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .conf import guard_settings
from .locks import lock_for_engine
from .session import guarded
from .waiting import SessionBusy


class SessionGuardMiddleware(SessionMiddleware):
    """Django's SessionMiddleware, with the session read once and guarded.

    It takes SessionMiddleware's place in MIDDLEWARE, before CsrfViewMiddleware,
    AuthenticationMiddleware and MessageMiddleware (the system checks say so). A
    request's session goes like this:

    1. The request gets a session that is not read yet (request.session).
    2. CsrfViewMiddleware checks the token of a form, and AuthenticationMiddleware
       sets a user that is not looked up yet: neither reads the session. A forged
       form is refused by CSRF_FAILURE_VIEW (views.csrf_failure), whose page reads
       the session without the lock: it changes nothing.
    3. The first time anything uses the session (the view, or the user's lookup), it
       is read, once (session.py):
       - A request that may change it (any method but GET, HEAD, OPTIONS and TRACE,
         or every request under SESSION_SAVE_EVERY_REQUEST) first reads its whole
         body, then takes the lock of the key its cookie names, and reads the session
         under it: one request at a time changes a session (locks.py). On PostgreSQL
         and in Redis the lock is the read itself (reading_locks.py).
       - A key the engine does not know is looked up in SESSION_GUARD_FALLBACK_ENGINES
         and its session moved over (switching.py).
       - A session that is over is deleted, and the request goes on with a new one:
         idle for SESSION_GUARD_IDLE_TIMEOUT, signed in for longer than
         SESSION_GUARD_SIGNED_IN_MAX_AGE, or signed in without a record. A signed
         cookie, which the server cannot delete, is over when its record is gone: the
         one query this adds, on signed-in requests only. A session kept on the
         server needs none: ending it deletes it from its store (receivers.py).
       - If the time of its last request is a minute old, the session is marked to
         be saved, which notes the time (idle.py); a request that read without the
         lock takes it then and reads again, once a minute at most.
    4. The view runs. A request that waited too long for the lock gets a 503.
    5. On the way out the session is saved if it changed, and the cookie set, as
       SessionMiddleware does; a lock that read the session saves it too, in the
       same round trip or transaction. A response that read the session is marked
       Cache-Control: private. Then the lock is released, and whatever reads the
       session after that takes no lock.
    """

    # Its locks block: under ASGI, Django runs it in a thread of its own.
    async_capable = False

    def __call__(self, request):
        with ExitStack() as held:  # the lock, let go once the session is saved
            request.session = session = guarded(self.SessionStore)(
                request.COOKIES.get(settings.SESSION_COOKIE_NAME),
                request=request,
                lock=lock_for_engine() if guard_settings.LOCK else None,
                held=held,
            )
            try:
                response = self.get_response(request)
                return self.process_response(request, response)
            finally:
                # Saved, or not to be: what reads it from now on takes no lock.
                session.read_only = True

    def process_response(self, request, response):
        if getattr(request.session, "busy", False):
            return response  # a 503 (below): the session and cookie stay as they are
        response = super().process_response(request, response)
        if request.session.accessed:
            # SessionMiddleware adds Vary: Cookie, which many shared caches and CDNs
            # ignore: this response is for this visitor only.
            if response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            else:
                response["Cache-Control"] = "private"
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, SessionBusy):
            return HttpResponse(
                _("Another request is changing this session. Try again in a moment."),
                status=503,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": "1"},
            )
        return None
