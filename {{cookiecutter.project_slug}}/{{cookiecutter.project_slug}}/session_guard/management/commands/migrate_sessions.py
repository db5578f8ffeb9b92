from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...switching import (
    SOURCES,
    CannotCopy,
    copy_sessions,
    engine_short_name,
    live_sessions,
)


class Command(BaseCommand):
    help = (
        "Copy every live session from the engine the project used before into "
        "SESSION_ENGINE, under the same keys: nobody is signed out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="source",
            required=True,
            choices=SOURCES + ["signed_cookies"],
            help="the engine sessions were kept in until now",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="count what would be copied, and copy nothing",
        )
        parser.add_argument(
            "--file-path",
            help="the folder of the file engine's sessions (SESSION_FILE_PATH)",
        )
        parser.add_argument(
            "--cache-alias",
            default="sessions",
            help="the cache of the cache engine's sessions (default: sessions)",
        )

    def handle(self, source, dry_run, file_path, cache_alias, **options):
        target = engine_short_name(settings.SESSION_ENGINE)
        if source == target:
            raise CommandError(f"SESSION_ENGINE is {source!r} already: nothing to do.")
        if "signed_cookies" in (source, target):
            raise CommandError(
                "Signed-cookie sessions live in the visitors' browsers: there is "
                "nothing on the server to copy from or into. Name the old engine in "
                "SESSION_GUARD_FALLBACK_ENGINES instead, and each visitor's session "
                "moves on their next request."
            )
        try:
            copied, present = copy_sessions(
                live_sessions(source, file_path=file_path, cache_alias=cache_alias),
                dry_run=dry_run,
            )
        except CannotCopy as error:
            raise CommandError(error) from error
        verb = "Would copy" if dry_run else "Copied"
        self.stdout.write(
            f"{verb} {copied} live session{'s' * (copied != 1)} from {source} into "
            f"{target}; {present} {'was' if present == 1 else 'were'} there already. "
            "Expired sessions are left behind."
        )
