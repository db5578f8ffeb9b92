"""The set/get session demo of seed tutorials 000 and 001."""

from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed


def test_new_visitor_gets_the_defaults(client):
    response = client.get(reverse("get_session"))

    assertTemplateUsed(response, "get_session.html")
    assertContains(response, "Username: Guest")
    assertContains(response, "Logged In: False")


def test_set_session_stores_the_seed_values(client):
    response = client.get(reverse("set_session"))

    assertTemplateUsed(response, "set_session.html")
    assertContains(response, "<h1>Session data set!</h1>", html=True)
    assertContains(response, f'href="{reverse("get_session")}"')
    session = client.session
    assert session["username"] == "john_doe"
    assert session["is_logged_in"] is True
    assert session["greeting"] == "Hello, Django Sessions!"


def test_get_session_reads_back_what_set_session_stored(client):
    client.get(reverse("set_session"))

    response = client.get(reverse("get_session"))

    assertContains(response, "Username: john_doe")
    assertContains(response, "Logged In: True")
    # Read in the template through request.session, as seed 001 does.
    assertContains(response, "Session Value: Hello, Django Sessions!")


def test_home_links_to_every_demo(client):
    response = client.get(reverse("home"))

    for name in ["set_session", "get_session", "playground", "cart"]:
        assertContains(response, f'href="{reverse(name)}"')


def test_demo_pages_refuse_post(client):
    for name in ["home", "set_session", "get_session", "playground"]:
        assert client.post(reverse(name)).status_code == 405
