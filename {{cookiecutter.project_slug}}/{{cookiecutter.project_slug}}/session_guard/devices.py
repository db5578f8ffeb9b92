"""A coarse device label from a User-Agent header: browser and operating system."""

from django.utils.translation import gettext as _
from ua_parser import parse

# Longer headers are no browser's; the cut keeps the parser's work bounded.
MAX_USER_AGENT_LENGTH = 512


def device_label(user_agent):
    """Return a label such as "Firefox on Windows" for a User-Agent header.

    The label is stored with the session's record, in the language of the sign-in.
    """
    result = parse(user_agent[:MAX_USER_AGENT_LENGTH])
    browser = result.user_agent.family if result.user_agent else _("Unknown browser")
    if result.os is None:
        return browser[:100]
    label = _("%(browser)s on %(system)s") % {
        "browser": browser,
        "system": result.os.family,
    }
    return label[:100]
