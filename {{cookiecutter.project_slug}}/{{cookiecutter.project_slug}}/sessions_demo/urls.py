from django.urls import path

from . import views
from .forms import ACTIONS

app_name = "sessions_demo"
urlpatterns = [
    path("set_session/", views.set_session_data, name="set_session"),
    path("get_session/", views.get_session_data, name="get_session"),
    path("session/", views.playground, name="playground"),
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
