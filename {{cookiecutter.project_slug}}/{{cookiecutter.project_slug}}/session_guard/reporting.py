from django.conf import settings
from django.views import debug


class SafeExceptionReporterFilter(debug.SafeExceptionReporterFilter):
    """Django's filter for error pages and reports, hiding the session cookie too.

    Django hides cookies whose names look secret (csrftoken), but "sessionid" does not,
    and its value is all an attacker needs to take over the session.
    """

    def get_safe_cookies(self, request):
        cookies = super().get_safe_cookies(request)
        if settings.SESSION_COOKIE_NAME in cookies:
            cookies[settings.SESSION_COOKIE_NAME] = self.cleansed_substitute
        return cookies
