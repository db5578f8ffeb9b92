{% raw %}"""Every text a template of the project shows is marked for translation."""

import html
import re

import pytest
from django.conf import settings

# What translation leaves alone: comments, text already marked, tags and variables,
# and the site's name, the same in every language (the page title and the brand).
NOT_TEXT = re.compile(
    r"{% comment %}.*?{% endcomment %}|{% blocktranslate.*?{% endblocktranslate %}"
    r"|<title>.*?</title>|<a class=\"brand\".*?</a>|{#.*?#}|{%.*?%}|{{.*?}}|<[^>]*>",
    re.DOTALL,
)
LETTER = re.compile(r"[^\W\d_]")
TEMPLATES = sorted(settings.APPS_DIR.rglob("templates/**/*.html"))


@pytest.mark.parametrize(
    "path",
    TEMPLATES,
    ids=[str(path.relative_to(settings.APPS_DIR)) for path in TEMPLATES],
)
def test_no_text_is_left_untranslated(path):
    text = html.unescape(NOT_TEXT.sub(" ", path.read_text()))
    assert not LETTER.search(text), " ".join(text.split())
{% endraw %}
