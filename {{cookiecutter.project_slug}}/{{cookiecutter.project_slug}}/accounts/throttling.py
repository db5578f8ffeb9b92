"""Sign-in throttling with django-axes: what a locked-out visitor sees; no IP kept.

After AXES_FAILURE_LIMIT failed sign-ins for one username, that username is refused
for AXES_COOLOFF_TIME, the right password included.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def no_ip(request):
    """Return None: sign-ins are counted per username, and no IP address is stored."""
    return None


def locked_out_message():
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return _(
        "Too many failed sign-ins for this username: it is locked for %(minutes)d "
        "minutes. Try again later, or ask an administrator to unlock it."
    ) % {"minutes": minutes}


def locked_out(request, original_response, credentials):
    """Answer a sign-in for a locked username: the form again, saying why (429)."""
    context = getattr(original_response, "context_data", None) or {}
    if not isinstance(original_response, TemplateResponse) or "form" not in context:
        return HttpResponse(
            locked_out_message(), status=429, content_type="text/plain; charset=utf-8"
        )
    form = context["form"]
    # In place of "Please enter a correct username and password".
    form.errors.clear()
    form.add_error(None, locked_out_message())
    response = TemplateResponse(
        request, original_response.template_name, context, status=429
    )
    return response.render()
