from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from .models import RECORD_SESSION_KEY, SignedInSession
from .receivers import start_record


class SignedInSessionMiddleware:
    """Flush each signed-in session whose record is gone; note when each was used.

    A session ended elsewhere (the sessions page, the admin, a new password) is
    anonymous from its next request on, with nothing left of its data, whatever the
    engine: a copied signed cookie too. So is one signed in for longer than
    SESSION_GUARD_SIGNED_IN_MAX_AGE seconds, if set. Sits after
    AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if RECORD_SESSION_KEY in session:
            started_at = SignedInSession.objects.note_activity(
                session[RECORD_SESSION_KEY]
            )
            max_age = settings.SESSION_GUARD_SIGNED_IN_MAX_AGE
            if started_at is None:
                session.flush()
                request.user = AnonymousUser()
            elif max_age and timezone.now() - started_at > timedelta(seconds=max_age):
                logout(request)  # which deletes the record
                messages.info(
                    request,
                    "Your session reached its time limit: sign in again.",
                    fail_silently=True,
                )
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        # Here, not in __call__: a change made before SessionLockMiddleware reads the
        # session again would be lost.
        session = request.session
        if (
            RECORD_SESSION_KEY not in session
            and SESSION_KEY in session
            and request.user.is_authenticated
        ):
            # Signed in before sessions had records: give it one.
            start_record(request, request.user)
