import hashlib
import json

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..session_guard.cookie_size import SessionTooLarge
from . import forms


# The two views of the classic session tutorials, under their names and templates.
# set_session changes the session on a GET, as those tutorials do, to show the idea in
# one click; every other change here (the playground, the cart) is a POST, since a GET
# that changes state can be triggered by a link preview, a prefetch or another site.
@require_safe
def set_session_data(request):
    """Store a username, a login flag and a greeting in the session."""
    request.session["username"] = "john_doe"
    request.session["is_logged_in"] = True
    request.session["greeting"] = "Hello, Django Sessions!"
    return render(
        request, "sessions_demo/set_session.html", {"message": _("Session data set!")}
    )


@require_safe
def get_session_data(request):
    """Show what set_session_data stored, with defaults for a new visitor."""
    username = request.session.get("username", "Guest")
    is_logged_in = request.session.get("is_logged_in", False)
    return render(
        request,
        "sessions_demo/get_session.html",
        {"username": username, "is_logged_in": is_logged_in},
    )


def key_fingerprint(session_key):
    """Return a short fingerprint of a session key: it changes when the key does."""
    return hashlib.sha256(session_key.encode()).hexdigest()[:12]


def render_playground(request, invalid_form=None, status=200):
    """Render the playground, with invalid_form in place of its blank twin."""
    session = request.session
    actions = [
        {
            "url": reverse(f"sessions_demo:session_{name}"),
            "form": invalid_form
            if invalid_form and invalid_form.action == name
            else forms.bind(name),
        }
        for name in forms.ACTIONS
    ]
    # Django keeps its own entries (_session_expiry, _auth_user_id, ...) under keys
    # that start with an underscore: listed apart from the data.
    items = sorted(session.items())
    key = session.session_key
    context = {
        # The key itself only while developing: on a live site any script of the
        # origin could read it here, which HttpOnly keeps from them in the cookie.
        "session_key": key if settings.DEBUG else None,
        "key_fingerprint": key and key_fingerprint(key),
        "engine": settings.SESSION_ENGINE,
        "expiry_age": session.get_expiry_age(),
        "expiry_date": session.get_expiry_date(),
        "expire_at_browser_close": session.get_expire_at_browser_close(),
        # As the JSON serializer stores them: true, "text", {"tea": 2}.
        "data": [
            (key, json.dumps(value, ensure_ascii=False))
            for key, value in items
            if not key.startswith("_")
        ],
        "django_keys": [key for key, value in items if key.startswith("_")],
        "actions": actions,
        "settings_age": settings.SESSION_COOKIE_AGE,
        "settings_browser_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "signed_cookies": settings.SESSION_ENGINE.endswith(".signed_cookies"),
    }
    response = render(request, "sessions_demo/playground.html", context, status=status)
    # It shows the session key: kept by no cache, not even the browser's.
    add_never_cache_headers(response)
    return response


@require_safe
def playground(request):
    """Show the session's key, engine, expiry and data, and a form per method."""
    return render_playground(request)


@require_POST
def session_action(request, action):
    """Apply one playground form to the session, or show it again with its errors."""
    form = forms.bind(action, request.POST)
    if form.is_valid():
        try:
            messages.success(request, form.apply(request.session))
            return redirect("sessions_demo:playground")
        except SessionTooLarge as error:
            form.add_error(None, str(error))
    return render_playground(request, invalid_form=form, status=400)
