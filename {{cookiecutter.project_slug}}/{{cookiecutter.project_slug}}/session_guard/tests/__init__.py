# The password of the tests' member (conftest.py).
MEMBER_PASSWORD = "a member's horse battery 47"  # noqa: S105 (made up)
