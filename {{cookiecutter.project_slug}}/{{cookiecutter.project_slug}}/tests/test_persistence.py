"""Sessions outlive the server process that made them."""

from ..testing import session_cookie


def test_a_signed_in_session_survives_a_restart(
    client, sign_in, demo_user, load_after_restart
):
    sign_in(client)

    data = load_after_restart(session_cookie(client).value)

    assert data["_auth_user_id"] == str(demo_user.pk)
