from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("{{ cookiecutter.project_slug }}.pages.urls")),
    path("", include("{{ cookiecutter.project_slug }}.sessions_demo.urls")),
    path("", include("{{ cookiecutter.project_slug }}.cart.urls")),
    # Sign in and out, and change or reset a password: Django's own views.
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
