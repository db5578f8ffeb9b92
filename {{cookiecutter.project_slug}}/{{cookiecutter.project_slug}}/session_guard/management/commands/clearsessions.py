from django.contrib.sessions.management.commands import clearsessions

from ...models import SignedInSession


class Command(clearsessions.Command):
    """Django's clearsessions, which also deletes the records of expired sessions.

    It replaces Django's own because session_guard comes before django.contrib.sessions
    in INSTALLED_APPS.
    """

    help = "Delete expired sessions, and the records the sessions page keeps of them."

    def handle(self, **options):
        super().handle(**options)
        deleted, _ = SignedInSession.objects.expired().delete()
        if options["verbosity"] > 1:
            self.stdout.write(f"Deleted {deleted} records of expired sessions.")
