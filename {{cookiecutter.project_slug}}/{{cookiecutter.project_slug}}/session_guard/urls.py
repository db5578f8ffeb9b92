from django.urls import path

from . import views

app_name = "session_guard"
urlpatterns = [
    path("session/stay/", views.stay_signed_in, name="stay_signed_in"),
]
