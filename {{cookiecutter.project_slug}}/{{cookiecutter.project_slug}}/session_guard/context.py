from .conf import guard_settings
from .idle import WARNING_TIME, seconds_left


def session_guard(request):
    """Add what the site's layout shows of session_guard to a template's context.

    Whether signed-in sessions have records (for a link to "Your sessions"), and for
    a signed-in page with an idle timeout, what its warning needs.
    """
    context = {"session_records_kept": guard_settings.RECORDS}
    # An error page for a request the middleware never reached has no user.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    left = seconds_left(request.session)
    if left is None:
        return context
    # Two minutes before, or halfway through a shorter timeout.
    warning_time = min(WARNING_TIME, guard_settings.IDLE_TIMEOUT // 2)
    return {**context, "idle_seconds_left": left, "idle_warning_time": warning_time}
