from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def home(request):
    """Show what the site offers, and which engine keeps its sessions."""
    return render(request, "pages/home.html", {"engine": settings.SESSION_ENGINE})
