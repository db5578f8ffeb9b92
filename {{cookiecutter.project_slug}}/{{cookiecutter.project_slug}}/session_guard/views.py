from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .conf import guard_settings
from .idle import RECORD, SIGNED_IN_AT, now, seconds_left
from .models import SignedInSession
from .records import note_activity


def records_kept(view):
    """Answer 404 where signed-in sessions get no record (SESSION_GUARD_RECORDS)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not guard_settings.RECORDS:
            raise Http404("Signed-in sessions are not recorded here.")
        return view(request, *args, **kwargs)

    return checked


def signed_in_lately(request):
    """Return True if the session signed in less than RECENT_SIGN_IN seconds ago."""
    signed_in_at = request.session.get(SIGNED_IN_AT)
    return (
        signed_in_at is not None
        and now() - signed_in_at < guard_settings.RECENT_SIGN_IN
    )


def confirmed(request):
    """Return True if the user signed in lately, or gave their password just now.

    The password goes through the authentication backends, so that a wrong one
    counts as a failed sign-in wherever failed sign-ins are counted; the right one
    gives the session a new key, as signing in does.
    """
    if signed_in_lately(request):
        return True
    password = request.POST.get("password", "")
    if not password:
        return False
    user = authenticate(
        request, username=request.user.get_username(), password=password
    )
    if user is None or user.pk != request.user.pk:
        return False
    request.session.cycle_key()
    return True


def ask_for_the_password(request):
    """Send the user back to the sessions page, which now asks for the password."""
    messages.error(
        request, _("Enter your password to end a session on another device.")
    )
    return redirect("session_guard:sessions")


@require_safe
@never_cache  # no cache keeps the list once its visitor has signed out
@login_required
@records_kept
def signed_in_sessions(request):
    """List the user's sessions, this one first, each with a form that ends it."""
    current_ref = request.session.get(RECORD)
    records = list(SignedInSession.objects.live().filter(user=request.user))
    for record in records:
        record.is_current = str(record.ref) == current_ref
    records.sort(key=lambda record: not record.is_current)
    context = {"records": records, "password_needed": not signed_in_lately(request)}
    return render(request, "session_guard/sessions.html", context)


@require_POST
@login_required
@records_kept
def end_session(request, ref):
    """End one of the user's sessions; ending this one signs out."""
    record = get_object_or_404(SignedInSession, ref=ref, user=request.user)
    if str(record.ref) == request.session.get(RECORD):
        logout(request)  # signing out asks for nothing
        return redirect(settings.LOGOUT_REDIRECT_URL or "/")
    if not confirmed(request):
        return ask_for_the_password(request)
    record.delete()  # which deletes the session (receivers.py)
    messages.success(
        request, _("Ended the session on %(device)s.") % {"device": record.device}
    )
    return redirect("session_guard:sessions")


@require_POST
@login_required
@records_kept
def end_other_sessions(request):
    """End every session of the user but this one."""
    if not confirmed(request):
        return ask_for_the_password(request)
    others = SignedInSession.objects.filter(user=request.user).exclude(
        ref=request.session.get(RECORD)
    )
    ended = others.delete()[0]
    messages.success(
        request,
        ngettext(
            "Signed out everywhere else: ended %(count)d other session.",
            "Signed out everywhere else: ended %(count)d other sessions.",
            ended,
        )
        % {"count": ended},
    )
    return redirect("session_guard:sessions")


@require_POST
def stay_signed_in(request):
    """Restart the session's idle clock, then go back to the page (or answer JSON)."""
    session = request.session
    if session.keys():
        note_activity(session)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"seconds_left": seconds_left(session)})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    return redirect(back)


def csrf_failure(request, reason=""):
    """Refuse a form without its CSRF token, reading the session without its lock.

    Django's own page (templates/403_csrf.html) may show who is signed in: a forged
    request reads the session for that, and changes nothing, so it takes no lock.
    """
    request.session.read_only = True
    return csrf.csrf_failure(request, reason)
