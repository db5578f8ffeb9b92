from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sessions/", views.signed_in_sessions, name="sessions"),
    path("sessions/<uuid:ref>/end/", views.end_session, name="end_session"),
    path("sessions/end-others/", views.end_other_sessions, name="end_others"),
    # In place of Django's own, at the same address.
    path(
        "password_change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
]
