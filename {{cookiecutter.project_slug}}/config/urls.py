from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("{{ cookiecutter.project_slug }}.pages.urls")),
    path("", include("{{ cookiecutter.project_slug }}.sessions_demo.urls")),
    path("", include("{{ cookiecutter.project_slug }}.cart.urls")),
    # Your sessions; then signing in and out, changing and resetting a password.
    path("accounts/", include("{{ cookiecutter.project_slug }}.session_guard.urls")),
    path("accounts/", include("{{ cookiecutter.project_slug }}.accounts.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]
