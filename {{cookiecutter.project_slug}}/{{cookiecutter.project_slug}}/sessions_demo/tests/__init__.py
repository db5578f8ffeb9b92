# The URL names of the demo's pages, which a visitor opens with a GET.
PAGES = [
    "sessions_demo:set_session",
    "sessions_demo:get_session",
    "sessions_demo:playground",
]
