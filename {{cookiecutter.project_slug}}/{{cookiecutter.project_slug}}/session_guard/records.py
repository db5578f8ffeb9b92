"""Records of signed-in sessions: made at sign-in, kept in step with their session."""

import uuid

from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from .conf import guard_settings
from .devices import device_label
from .idle import ACTIVE_AT, RECORD, SIGNED_IN_AT, now
from .models import SignedInSession
from .stores import keeps_sessions_on_the_server


def stored_key(session):
    """Return the key a session's record finds it by: none for a signed cookie."""
    if not keeps_sessions_on_the_server(type(session)):
        return ""
    if session.session_key is None:
        session.create()  # a session just flushed: it needs a key to be found by
    return session.session_key


def start_record(request, user):
    """Note when the request's session signed in, and give it a record.

    A session signed in already (again, as the same user) keeps its record, renewed.
    """
    session = request.session
    session[SIGNED_IN_AT] = session[ACTIVE_AT] = now()
    if not guard_settings.RECORDS:
        return
    fields = {
        "user": user,
        "session_key": stored_key(session),
        "device": device_label(request.headers.get("User-Agent", "")),
        "started_at": timezone.now(),
        "last_active_at": timezone.now(),
    }
    ref = session.get(RECORD)
    if ref and SignedInSession.objects.filter(ref=ref).update(**fields):
        return
    session[RECORD] = str(SignedInSession.objects.create(**fields).ref)


def keep_record(session, request):
    """Point a session's record to its new key; a new record if it was ended meanwhile.

    Such as a password change, which ends every session of the user, this one too,
    before Django gives this one a new key to keep it signed in. The record gets a new
    ref too: a copy of the session from before its new key (a signed cookie keeps its
    data whatever its key) no longer finds a record, and is over.
    """
    ref = session.get(RECORD)
    if not guard_settings.RECORDS or ref is None:
        return
    key = stored_key(session)
    new_ref = uuid.uuid4()
    if SignedInSession.objects.filter(ref=ref).update(session_key=key, ref=new_ref):
        session[RECORD] = str(new_ref)
        return
    user_id = session.get(SESSION_KEY)
    if user_id is None:
        del session[RECORD]
        return
    user_agent = request.headers.get("User-Agent", "") if request else ""
    record = SignedInSession.objects.create(
        user_id=user_id, session_key=key, device=device_label(user_agent)
    )
    session[RECORD] = str(record.ref)


def note_activity(data):
    """Note the time of this request in a session's data, and in its record."""
    data[ACTIVE_AT] = now()
    if ref := data.get(RECORD):
        SignedInSession.objects.filter(ref=ref).update(last_active_at=timezone.now())
