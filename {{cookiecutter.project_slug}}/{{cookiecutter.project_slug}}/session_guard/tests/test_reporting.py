"""The session cookie's value never shows on error pages or in error reports.

Django hides it itself (since 5.2, the session cookie counts as a sensitive name); its
value is all an attacker needs to take over a session, so this holds Django to it.
"""

import sys

from django.conf import settings
from django.test import RequestFactory, override_settings
from django.views.debug import ExceptionReporter, technical_500_response

SECRET_SESSION = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"


def failing_request():
    request = RequestFactory().get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = SECRET_SESSION
    request.META["HTTP_COOKIE"] = f"{settings.SESSION_COOKIE_NAME}={SECRET_SESSION}"
    try:
        raise RuntimeError("something broke")
    except RuntimeError:
        return request, sys.exc_info()


@override_settings(DEBUG=True)
def test_the_debug_error_page_hides_the_session_cookie():
    request, exc_info = failing_request()

    page = technical_500_response(request, *exc_info).content.decode()

    assert settings.SESSION_COOKIE_NAME in page
    assert SECRET_SESSION not in page


def test_emailed_error_reports_hide_the_session_cookie():
    request, exc_info = failing_request()

    report = ExceptionReporter(request, *exc_info).get_traceback_text()

    assert SECRET_SESSION not in report
