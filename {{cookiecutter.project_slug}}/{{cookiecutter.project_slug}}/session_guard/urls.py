from django.urls import path

from . import views

app_name = "session_guard"
urlpatterns = [
    path("sessions/", views.signed_in_sessions, name="sessions"),
    path("sessions/<uuid:ref>/end/", views.end_session, name="end_session"),
    path("sessions/end-others/", views.end_other_sessions, name="end_others"),
    path("sessions/stay/", views.stay_signed_in, name="stay_signed_in"),
]
