import datetime
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils import timezone

# The session entry that names the session's record.
RECORD_SESSION_KEY = "_signed_in_session"
UTC = datetime.timezone.utc  # noqa: UP017  (datetime.UTC is Python 3.11 and later)
# How stale a record's last activity may get before a request writes it again.
ACTIVITY_RESOLUTION = timedelta(minutes=1)


class SignedInSessionQuerySet(models.QuerySet):
    def of_request(self, request):
        """Return the records of the request's session (none, or one)."""
        return self.filter(ref=request.session.get(RECORD_SESSION_KEY))

    def expired(self):
        """Return the records of sessions that have certainly expired.

        A session lives SESSION_COOKIE_AGE after its last save, and every save comes
        within ACTIVITY_RESOLUTION of the last activity its record noted.
        """
        age = timedelta(seconds=settings.SESSION_COOKIE_AGE) + ACTIVITY_RESOLUTION
        return self.filter(last_active_at__lt=timezone.now() - age)

    def live(self):
        """Return the records of sessions that may still be in use."""
        return self.exclude(pk__in=self.expired())

    def note_activity(self, ref):
        """Note a request of the session with this ref.

        Return when it was signed in, or None if it has ended. The time is written at
        most once per ACTIVITY_RESOLUTION, and only by one of the requests that find
        it stale at once.
        """
        if not (times := self.times_of(ref)):
            return None
        started_at, last_active_at = times
        now = timezone.now()
        if now - last_active_at >= ACTIVITY_RESOLUTION:
            self.filter(ref=ref, last_active_at=last_active_at).update(
                last_active_at=now
            )
        return started_at

    def times_of(self, ref):
        """Return (started_at, last_active_at) of the record with this ref, or None.

        SQL of its own: this runs on every signed-in request, where building the
        query through the ORM would take ten times as long as running it.
        """
        connection = connections[self.db]
        try:
            ref = self.model._meta.get_field("ref").get_db_prep_value(ref, connection)
        except ValidationError:
            return None  # no record has such a ref
        # The table's name is the model's, quoted; the ref goes as a parameter.
        table = connection.ops.quote_name(self.model._meta.db_table)
        query = f"SELECT started_at, last_active_at FROM {table} WHERE ref = %s"  # noqa: S608 # nosec B608
        with connection.cursor() as cursor:
            cursor.execute(query, [ref])
            row = cursor.fetchone()
        # SQLite gives naive datetimes, in UTC as stored.
        return row and tuple(
            value if timezone.is_aware(value) else value.replace(tzinfo=UTC)
            for value in row
        )


class SignedInSession(models.Model):
    """A session that a user signed in with, as the sessions page lists it.

    Its session holds its ref. A signed-in session whose record is gone is over: the
    middleware flushes it at its next request, whatever the engine, a signed cookie
    included. No IP address and no session key are kept.
    """

    # What URLs name a session by: random, so it gives nothing to take a session over.
    ref = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
    )
    # Browser and operating system, such as "Firefox on Windows".
    device = models.CharField(max_length=100)
    started_at = models.DateTimeField(default=timezone.now)
    last_active_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = SignedInSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-last_active_at"]
        verbose_name = "signed-in session"

    def __str__(self):
        return f"{self.user} on {self.device}"
