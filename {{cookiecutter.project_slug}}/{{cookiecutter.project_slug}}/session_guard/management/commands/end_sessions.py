from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ...conf import guard_settings
from ...models import SignedInSession


class Command(BaseCommand):
    help = (
        "End the signed-in sessions of the users named, or of everyone: each session "
        "is deleted from its store, and a signed cookie is refused at its next request."
    )

    def add_arguments(self, parser):
        whose = parser.add_mutually_exclusive_group(required=True)
        whose.add_argument(
            "--user",
            action="append",
            dest="usernames",
            metavar="USERNAME",
            help="a user whose sessions to end; give it again for more users",
        )
        whose.add_argument(
            "--all", action="store_true", help="end every signed-in session"
        )

    def handle(self, *args, usernames=None, **options):
        if not guard_settings.RECORDS:
            raise CommandError(
                "SESSION_GUARD_RECORDS is off: signed-in sessions have no record to "
                "find and end them by."
            )
        records = SignedInSession.objects.all()
        if usernames:
            user_model = get_user_model()
            users = user_model._default_manager.filter(
                **{f"{user_model.USERNAME_FIELD}__in": usernames}
            )
            unknown = set(usernames) - {user.get_username() for user in users}
            if unknown:
                raise CommandError(f"No such user: {', '.join(sorted(unknown))}.")
            records = records.filter(user__in=users)
        # One by one, so that each record's deletion deletes its session (receivers.py).
        ended, _ = records.delete()
        plural = "" if ended == 1 else "s"
        self.stdout.write(f"Ended {ended} signed-in session{plural}.")
