"""The set/get session demo of the classic session tutorials."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from ...testing import assert_site_page_signed_out_and_in
from . import PAGES

SET_SESSION = reverse("sessions_demo:set_session")
GET_SESSION = reverse("sessions_demo:get_session")


def test_a_new_visitor_gets_the_defaults(client):
    response = client.get(GET_SESSION)

    assertTemplateUsed(response, "sessions_demo/get_session.html")
    assertContains(response, "Username: Guest")
    assertContains(response, "Logged In: False")
    assertContains(response, "(no greeting yet)")


def test_set_session_stores_the_demo_values(client):
    response = client.get(SET_SESSION)

    assertTemplateUsed(response, "sessions_demo/set_session.html")
    assertContains(response, "<h1>Session data set!</h1>", html=True)
    assertContains(response, f'href="{GET_SESSION}"')
    session = client.session
    assert session["username"] == "john_doe"
    assert session["is_logged_in"] is True
    assert session["greeting"] == "Hello, Django Sessions!"


def test_get_session_reads_back_what_set_session_stored(client):
    client.get(SET_SESSION)

    response = client.get(GET_SESSION)

    assertContains(response, "Username: john_doe")
    assertContains(response, "Logged In: True")
    # The template reads the greeting straight from request.session.
    assertContains(response, "Session Value: Hello, Django Sessions!")
    assertContains(response, f'href="{SET_SESSION}"')


def test_get_session_says_the_login_flag_is_not_a_sign_in(client):
    client.get(SET_SESSION)

    response = client.get(GET_SESSION)

    assertContains(response, "it says nothing about signing in")
    assertContains(response, "(nobody, here)")


def test_get_session_names_who_is_signed_in(client, sign_in):
    sign_in(client)

    assertContains(client.get(GET_SESSION), "(you are, as demo)")


def test_demo_pages_refuse_post(client):
    for url in [SET_SESSION, GET_SESSION, reverse("sessions_demo:playground")]:
        assert client.post(url).status_code == 405


@pytest.mark.parametrize("page", ["pages:home", "login"])
def test_the_home_page_and_the_navigation_link_to_every_demo_page(client, page):
    response = client.get(reverse(page))

    for name in PAGES:
        assertContains(response, f'href="{reverse(name)}"')


@pytest.mark.parametrize("name", PAGES)
def test_every_demo_page_is_the_sites_own(client, sign_in, name):
    assert_site_page_signed_out_and_in(client, sign_in, reverse(name))


def test_the_playground_is_stored_by_no_cache(client):
    response = client.get(reverse("sessions_demo:playground"))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_refused_playground_form_is_stored_by_no_cache(client):
    response = client.post(reverse("sessions_demo:session_set"), {"key": ""})

    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
