from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .devices import device_label
from .models import RECORD_SESSION_KEY, SignedInSession


@receiver(user_logged_in)
def say_signed_in(sender, request, user, **kwargs):
    """Tell the visitor who they are signed in as."""
    # fail_silently: the test client's login() sends a request without messages.
    messages.success(
        request, f"Signed in as {user.get_username()}.", fail_silently=True
    )


@receiver(user_logged_in)
def record_signed_in_session(sender, request, user, **kwargs):
    """Record the session the user signed in with, for the sessions page to list."""
    start_record(request, user)


def start_record(request, user):
    """Give the request's session a record of its own (ending any it had)."""
    SignedInSession.objects.of_request(request).delete()
    record = SignedInSession.objects.create(
        user=user, device=device_label(request.headers.get("User-Agent", ""))
    )
    request.session[RECORD_SESSION_KEY] = str(record.ref)


@receiver(user_logged_out)
def say_signed_out(sender, request, user, **kwargs):
    """Tell the visitor that signing out ended their session."""
    if user is None:
        return  # nobody was signed in
    messages.success(
        request,
        "Signed out: the session and its data are gone.",
        fail_silently=True,
    )


@receiver(user_logged_out)
def end_signed_in_session(sender, request, user, **kwargs):
    """Delete the record of the session that signs out: a copy of it is worthless."""
    SignedInSession.objects.of_request(request).delete()


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def end_sessions_on_new_password(sender, instance, raw, update_fields, **kwargs):
    """End every session of a user whose password changes, wherever it changes.

    Django itself signs such sessions out at their next request; this takes them off
    the sessions page at once. The password change page keeps its own (views.py).
    """
    if raw or instance.pk is None:
        return
    if update_fields is not None and "password" not in update_fields:
        return  # such as the last_login that every sign-in saves
    changed = (
        sender._default_manager.filter(pk=instance.pk)
        .exclude(password=instance.password)
        .exists()
    )
    if changed:
        SignedInSession.objects.filter(user=instance).delete()
