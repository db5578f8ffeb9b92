"""Signing in starts a record; deleting a record, however it is done, ends a session."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver

from .conf import guard_settings
from .models import SignedInSession
from .records import start_record
from .stores import session_store_class


@receiver(user_logged_in)
def record_signed_in_session(sender, request, user, **kwargs):
    """Note when the session signed in, and record it for "Your sessions"."""
    start_record(request, user)


@receiver(post_delete, sender=SignedInSession)
def delete_the_stored_session(sender, instance, **kwargs):
    """Delete the session of a deleted record from its store: the session is over.

    Whether it was ended on "Your sessions", in the admin, by a new password or with
    its user. A signed cookie is not on the server: with its record gone, its next
    request finds it over. From the old engines too, which could move it back.
    """
    if not instance.session_key or instance.is_expired():
        return
    engines = [settings.SESSION_ENGINE, *guard_settings.FALLBACK_ENGINES]
    for engine in engines:
        session_store_class(engine)().delete(instance.session_key)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def end_sessions_of_changed_user(sender, instance, raw, update_fields, **kwargs):
    """End every session of a user whose password changes, or who is deactivated.

    Django itself signs a changed password's sessions out at their next request, and
    an inactive user's sessions only while the user stays inactive: this deletes them
    at once and for good, so that reactivating a user brings no old cookie back. A
    session that Django keeps signed in (update_session_auth_hash) gets a record again
    as it gets its new key (records.keep_record). Only save() is seen here: a
    queryset's update() sends no signal, so end_sessions (the command) follows it.
    """
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # such as the last_login that every sign-in saves
    stored = sender._default_manager.filter(pk=instance.pk)
    new_password = stored.exclude(password=instance.password).exists()
    deactivated = (
        not getattr(instance, "is_active", True)
        and stored.filter(is_active=True).exists()
    )
    if new_password or deactivated:
        SignedInSession.objects.filter(user=instance).delete()
