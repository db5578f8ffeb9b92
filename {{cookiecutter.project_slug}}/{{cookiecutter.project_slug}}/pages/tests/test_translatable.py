{% raw %}"""Every text a template of the project shows is marked for translation."""

import html
import re

from django.conf import settings

# What translation leaves alone: comments, text already marked, tags and variables,
# and the site's name, the same in every language (the page title and the brand).
NOT_TEXT = re.compile(
    r"{% comment %}.*?{% endcomment %}|{% blocktranslate.*?{% endblocktranslate %}"
    r"|<title>.*?</title>|<a class=\"brand\".*?</a>|{#.*?#}|{%.*?%}|{{.*?}}|<[^>]*>",
    re.DOTALL,
)
LETTER = re.compile(r"[^\W\d_]")


def untranslated(path):
    """Return what a template shows that no translation covers, or ""."""
    text = html.unescape(NOT_TEXT.sub(" ", path.read_text()))
    return " ".join(text.split()) if LETTER.search(text) else ""


def test_no_text_is_left_untranslated():
    # One test for every template there is, so that an app added or removed changes
    # what it reads, not how many tests there are.
    templates = sorted(settings.APPS_DIR.rglob("templates/**/*.html"))
    assert templates
    left = {
        str(path.relative_to(settings.APPS_DIR)): text
        for path in templates
        if (text := untranslated(path))
    }
    assert left == {}
{% endraw %}
