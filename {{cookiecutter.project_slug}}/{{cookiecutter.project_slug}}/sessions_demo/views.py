import json

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from ..session_guard.cookie_size import SessionTooLarge
from . import forms


@require_safe
def home(request):
    return render(
        request, "sessions_demo/home.html", {"engine": settings.SESSION_ENGINE}
    )


# The two views and templates of the seed tutorials, under their names.
# set_session changes the session on GET because the seeds do; the playground and the
# cart change state through POST only.
@require_safe
def set_session_data(request):
    request.session["username"] = "john_doe"
    request.session["is_logged_in"] = True
    request.session["greeting"] = "Hello, Django Sessions!"
    return render(request, "set_session.html", {"message": "Session data set!"})


@require_safe
def get_session_data(request):
    username = request.session.get("username", "Guest")
    is_logged_in = request.session.get("is_logged_in", False)
    return render(
        request,
        "get_session.html",
        {"username": username, "is_logged_in": is_logged_in},
    )


def render_playground(request, invalid_form=None, status=200):
    session = request.session
    actions = [
        {
            "url": reverse(f"session_{name}"),
            "form": invalid_form
            if invalid_form and invalid_form.action == name
            else forms.bind(name),
        }
        for name in forms.ACTIONS
    ]
    context = {
        "session_key": session.session_key,
        "engine": settings.SESSION_ENGINE,
        "expiry_age": session.get_expiry_age(),
        "expiry_date": session.get_expiry_date(),
        "expire_at_browser_close": session.get_expire_at_browser_close(),
        # As the JSON serializer stores them: true, "text", {"tea": 2}.
        "data": [
            (key, json.dumps(value, ensure_ascii=False))
            for key, value in sorted(session.items())
        ],
        "actions": actions,
        "settings_age": settings.SESSION_COOKIE_AGE,
        "settings_browser_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "signed_cookies": settings.SESSION_ENGINE.endswith(".signed_cookies"),
    }
    return render(request, "sessions_demo/playground.html", context, status=status)


@require_safe
def playground(request):
    return render_playground(request)


@require_POST
def session_action(request, action):
    form = forms.bind(action, request.POST)
    if form.is_valid():
        try:
            messages.success(request, form.apply(request.session))
            return redirect("playground")
        except SessionTooLarge as error:
            form.add_error(None, str(error))
    return render_playground(request, invalid_form=form, status=400)
