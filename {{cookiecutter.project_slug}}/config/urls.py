from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("{{ cookiecutter.project_slug }}.pages.urls")),
    path("", include("{{ cookiecutter.project_slug }}.sessions_demo.urls")),
    path("", include("{{ cookiecutter.project_slug }}.cart.urls")),
    path("", include("{{ cookiecutter.project_slug }}.session_guard.urls")),
    # Your sessions, and the password change that ends the others...
    path("accounts/", include("{{ cookiecutter.project_slug }}.accounts.urls")),
    # ...then signing in and out, and resetting a password: Django's own views.
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
