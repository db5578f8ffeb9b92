from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import ACTIONS

urlpatterns = [
    path("", views.home, name="home"),
    path("set_session/", views.set_session_data, name="set_session"),
    path("get_session/", views.get_session_data, name="get_session"),
    path("session/", views.playground, name="playground"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # One POST URL per playground button: /session/set/, /session/flush/, ...
    *(
        path(
            f"session/{action}/",
            views.session_action,
            {"action": action},
            name=f"session_{action}",
        )
        for action in ACTIONS
    ),
]
