from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.utils.translation import gettext as _


@receiver(user_logged_in)
def say_signed_in(sender, request, user, **kwargs):
    """Tell the visitor who they are signed in as."""
    # fail_silently: the test client's login() sends a request without messages.
    messages.success(
        request,
        _("Signed in as %(username)s.") % {"username": user.get_username()},
        fail_silently=True,
    )


@receiver(user_logged_out)
def say_signed_out(sender, request, user, **kwargs):
    """Tell the visitor that signing out ended their session."""
    if user is None:
        return  # nobody was signed in
    messages.success(
        request,
        _("Signed out: the session and its data are gone."),
        fail_silently=True,
    )
