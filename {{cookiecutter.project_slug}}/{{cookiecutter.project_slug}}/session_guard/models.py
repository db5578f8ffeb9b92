import uuid
from datetime import timedelta

from django.conf import settings
from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .idle import RESOLUTION


def expired_before():
    """Return the time before which a record's last activity means its session expired.

    A session lives SESSION_COOKIE_AGE after its last save, and every save comes
    within a minute of the last activity its record noted (idle.py).
    """
    return timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + RESOLUTION)


class SignedInSessionQuerySet(models.QuerySet):
    def expired(self):
        """Return the records of sessions that have certainly expired."""
        return self.filter(last_active_at__lt=expired_before())

    def live(self):
        """Return the records of sessions that may still be in use."""
        return self.exclude(pk__in=self.expired())

    def exists_with_ref(self, ref):
        """Return True if a record has this ref (a str).

        SQL of its own: signed-cookie sessions ask this on every signed-in request,
        where building the query through the ORM would take longer than running it.
        """
        try:
            ref = uuid.UUID(ref)
        except (TypeError, ValueError):
            return False
        connection = connections[self.db]
        value = self.model._meta.get_field("ref").get_db_prep_value(ref, connection)
        # The table's name is the model's, quoted; the ref goes as a parameter.
        table = connection.ops.quote_name(self.model._meta.db_table)
        query = f"SELECT 1 FROM {table} WHERE ref = %s"  # noqa: S608 # nosec B608
        with connection.cursor() as cursor:
            cursor.execute(query, [value])
            return cursor.fetchone() is not None


class SignedInSession(models.Model):
    """A session that a user signed in with, as "Your sessions" lists it.

    The session holds the record's ref. Deleting a record ends its session, wherever
    it is deleted from (receivers.py): a session on the server is deleted from its
    store; a signed cookie, which lives in the browser, is refused at its next request
    because its record is gone. No IP address is kept.
    """

    # What URLs name a session by: random, so it gives nothing to take a session over.
    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
    )
    # The key the session is stored under, to delete it when it is ended; empty for a
    # signed cookie, whose key is its data. As secret as the session itself.
    session_key = models.CharField(max_length=40, blank=True, editable=False)
    # Browser and operating system, such as "Firefox on Windows".
    device = models.CharField(max_length=100)
    started_at = models.DateTimeField(default=timezone.now)
    last_active_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = SignedInSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-last_active_at"]
        verbose_name = _("signed-in session")

    def __str__(self):
        return f"{self.user} on {self.device}"

    def is_expired(self):
        return self.last_active_at < expired_before()
