"""A coarse device label from a User-Agent header: browser and operating system."""

from ua_parser import parse

# Longer headers are no browser's; the cut keeps the parser's work bounded.
MAX_USER_AGENT_LENGTH = 512


def device_label(user_agent):
    """Return a label such as "Firefox on Windows" for a User-Agent header."""
    result = parse(user_agent[:MAX_USER_AGENT_LENGTH])
    browser = result.user_agent.family if result.user_agent else "Unknown browser"
    if result.os is None:
        return browser[:100]
    return f"{browser} on {result.os.family}"[:100]
