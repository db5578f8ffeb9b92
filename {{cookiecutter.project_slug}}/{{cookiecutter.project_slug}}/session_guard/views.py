from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .idle import has_data, note_activity, seconds_left


@require_POST
def stay_signed_in(request):
    """Restart the session's idle clock, then go back to the page (or answer JSON)."""
    if has_data(request.session):
        note_activity(request.session)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"seconds_left": seconds_left(request.session)})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    return redirect(back)
