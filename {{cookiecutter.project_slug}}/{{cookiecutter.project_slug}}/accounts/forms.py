"""The sign-in and password forms, with the checks Django's leave out."""

import hashlib

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
)
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from .throttling import locked_out_message


class UsernameLengthMixin:
    """Refuse a username longer than the user model's with a form error.

    Django's sign-in form shows the limit in the page without checking it, so a longer
    name reaches the count of failed sign-ins (django-axes), whose column it overflows
    on PostgreSQL: a server error instead of an answer.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class SignInForm(UsernameLengthMixin, AuthenticationForm):
    """The site's sign-in form."""


class AdminSignInForm(UsernameLengthMixin, AdminAuthenticationForm):
    """The admin's sign-in form."""


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Count a wrong current password as a failed sign-in of the user's username.

    Whoever holds a signed-in session could otherwise guess the current password here
    without limit, and so turn the session into the account. Guesses here and on the
    sign-in forms share one count (AXES_FAILURE_LIMIT); once the username is locked,
    this form refuses even the right password, with a 429 (throttling.py).
    """

    def __init__(self, user, *args, request, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        credentials = {"username": self.user.get_username()}
        if AxesProxyHandler.is_locked(self.request, credentials):
            self.request.axes_locked_out = True  # AxesMiddleware answers it
            raise ValidationError(locked_out_message(), code="locked_out")
        try:
            return super().clean_old_password()
        except ValidationError:
            user_login_failed.send(
                sender=__name__, credentials=credentials, request=self.request
            )
            raise


class ThrottledPasswordResetForm(PasswordResetForm):
    """Send at most ACCOUNTS_PASSWORD_RESETS_PER_HOUR reset emails to one address.

    Otherwise anyone could flood an address with reset emails. Counted in the default
    cache, per address whether or not an account has it, so the refusal tells nothing
    about who has an account.
    """

    def clean_email(self):
        email = self.cleaned_data["email"]
        digest = hashlib.sha256(email.casefold().encode()).hexdigest()
        key = f"accounts:password-resets:{digest}"
        cache.add(key, 0, timeout=60 * 60)
        try:
            sent = cache.incr(key)
        except ValueError:  # the hour ended just now
            cache.set(key, sent := 1, timeout=60 * 60)
        if sent > settings.ACCOUNTS_PASSWORD_RESETS_PER_HOUR:
            raise ValidationError(
                _("Too many password resets for this address: try again in an hour."),
                code="throttled",
            )
        return email
