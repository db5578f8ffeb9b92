"""Django's sign-in and password pages, none of them kept in any cache.

A browser's or proxy's cache would keep these pages, and what they show, after the
visitor has signed out. Sign-in, password change and password reset use the forms of
forms.py.
"""

from django.contrib.auth import urls as auth_urls
from django.contrib.auth.views import LoginView
from django.urls import path
from django.views.decorators.cache import never_cache

from .forms import SignInForm
from .views import ThrottledPasswordChangeView, ThrottledPasswordResetView

OWN_VIEWS = {
    "login": LoginView.as_view(authentication_form=SignInForm),
    "password_change": ThrottledPasswordChangeView.as_view(),
    "password_reset": ThrottledPasswordResetView.as_view(),
}

urlpatterns = [
    path(
        str(url.pattern),
        never_cache(OWN_VIEWS.get(url.name, url.callback)),
        name=url.name,
    )
    for url in auth_urls.urlpatterns
]
