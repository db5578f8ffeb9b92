from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from .models import RECORD_SESSION_KEY, SignedInSession


@require_safe
@login_required
def signed_in_sessions(request):
    """List the user's sessions, this one first, each with a form that ends it."""
    current_ref = request.session.get(RECORD_SESSION_KEY)
    records = list(SignedInSession.objects.live().filter(user=request.user))
    for record in records:
        record.is_current = str(record.ref) == current_ref
    records.sort(key=lambda record: not record.is_current)
    return render(request, "accounts/sessions.html", {"records": records})


@require_POST
@login_required
def end_session(request, ref):
    """End one of the user's sessions; ending this one signs out."""
    record = get_object_or_404(SignedInSession, ref=ref, user=request.user)
    if str(record.ref) == request.session.get(RECORD_SESSION_KEY):
        logout(request)
        return redirect(settings.LOGOUT_REDIRECT_URL)
    record.delete()
    messages.success(request, f"Ended the session on {record.device}.")
    return redirect("accounts:sessions")


@require_POST
@login_required
def end_other_sessions(request):
    """End every session of the user but this one."""
    others = SignedInSession.objects.filter(user=request.user).exclude(
        ref=request.session[RECORD_SESSION_KEY]
    )
    ended, _ = others.delete()
    messages.success(
        request,
        f"Signed out everywhere else: ended {ended} other session"
        f"{'' if ended == 1 else 's'}.",
    )
    return redirect("accounts:sessions")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password: every other session ends, this one goes on."""

    def form_valid(self, form):
        this_session = SignedInSession.objects.of_request(self.request).first()
        # Saving the new password deletes every record of the user (receivers.py)...
        response = super().form_valid(form)
        # ...and Django keeps this session signed in, so it keeps its record.
        if this_session is not None:
            this_session.save()
        return response
