from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("{{ cookiecutter.project_slug }}.sessions_demo.urls")),
    path("", include("{{ cookiecutter.project_slug }}.cart.urls")),
    path("admin/", admin.site.urls),
]
