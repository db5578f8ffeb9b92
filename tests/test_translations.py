"""A project's strings are ready for translation, and a translation takes effect.

`manage.py makemessages -l de` runs without a warning and writes a catalogue, under
LOCALE_PATHS, that holds strings from the layout, session_guard, the cart and the
forms; once a string has a German translation, compilemessages compiles it and Django
speaks German where that language is active.
"""

import re

import pytest

from harness.services import require_program

from .combinations import Combination

TRANSLATIONS = Combination("translations", {"project_name": "Translated Shop"})
# A string of each kind, from each place that shows text to visitors.
MSGIDS = [
    "Skip to content",  # base.html's layout
    "Sign out everywhere else",  # a session_guard template
    "Ended the session on %(device)s.",  # a session_guard message
    "Added %(item)s to your cart.",  # a cart message
    "Item names are 1 to %(longest)d letters, digits, hyphens or underscores.",
    "Too many password resets for this address: try again in an hour.",  # form error
    "Your session ended after %(duration)s without activity.",
    "Session guard",  # an app's name in the admin
]
# Run by the bake's python: the string as the German catalogue has it.
SAY_IN_GERMAN = """
import django
from django.utils import translation
django.setup()
with translation.override("de"):
    print(translation.gettext("Skip to content"))
"""


def translate(catalogue, msgid, msgstr):
    """Give msgid its translation in a .po file that makemessages wrote."""
    text = catalogue.read_text()
    entry = f'msgid "{msgid}"\nmsgstr ""\n'
    assert entry in text
    catalogue.write_text(text.replace(entry, f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'))


@pytest.mark.parametrize("combination", [TRANSLATIONS.param()])
def test_makemessages_finds_the_strings_and_a_translation_is_used(bake, combination):
    require_program("xgettext", "gettext")
    project = bake(combination)

    made = project.manage("makemessages", "-l", "de")
    output = made.stdout + made.stderr
    assert not re.search(r"warning|error", output, re.IGNORECASE), output
    locale = project.path / project.path.name / "locale"
    catalogue = locale / "de" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text()
    # xgettext wraps long strings over several lines: compare them joined.
    joined = re.sub(r'"\n"', "", text)
    missing = [msgid for msgid in MSGIDS if f'msgid "{msgid}"' not in joined]
    assert not missing, text

    translate(catalogue, "Skip to content", "Zum Inhalt springen")
    project.manage("compilemessages", "-l", "de")
    said = project.run(
        "-c", SAY_IN_GERMAN, DJANGO_SETTINGS_MODULE="config.settings.test"
    )
    assert said.stdout.strip() == "Zum Inhalt springen"
