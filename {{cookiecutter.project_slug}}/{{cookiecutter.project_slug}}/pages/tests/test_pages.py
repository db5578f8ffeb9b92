"""The home page, and error pages in the site's layout with DEBUG off."""

import pytest
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error
from pytest_django.asserts import assertContains, assertTemplateUsed

from ...testing import LAYOUT, SITE_PAGES, assert_site_page_signed_out_and_in
from .. import views
from ..middleware import PagesMiddleware


@pytest.mark.parametrize("name", SITE_PAGES)
def test_every_page_is_the_sites_own(client, sign_in, name):
    assert_site_page_signed_out_and_in(client, sign_in, reverse(name))


@pytest.mark.parametrize("method", ["put", "patch", "delete", "trace"])
def test_the_home_page_refuses_methods_it_does_not_take(client, method):
    assert getattr(client, method)(reverse("pages:home")).status_code == 405


def test_a_missing_page_gets_the_404_page(client, settings):
    assert not settings.DEBUG

    response = client.get("/no-such-page/")

    assertTemplateUsed(response, "404.html")
    assertContains(response, LAYOUT, status_code=404)
    assertContains(response, "Page not found", status_code=404)


def test_a_request_for_an_unknown_host_gets_the_400_page(client):
    response = client.get("/", headers={"host": "evil.example"})

    assertTemplateUsed(response, "400.html")
    assertContains(response, LAYOUT, status_code=400)


def test_a_form_without_its_csrf_token_gets_the_403_page(csrf_client):
    response = csrf_client.post(reverse("login"))

    assertTemplateUsed(response, "403_csrf.html")
    assertContains(response, LAYOUT, status_code=403)
    assertContains(response, "nothing was changed", status_code=403)


def test_a_refused_method_gets_the_405_page_and_keeps_its_allow_header(client):
    response = client.get(reverse("logout"))

    assertTemplateUsed(response, "405.html")
    assertContains(response, LAYOUT, status_code=405)
    assert "POST" in response["Allow"].split(", ")
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_a_server_error_gets_the_500_page_without_a_request_context():
    # Django renders 500.html with no context: nothing that failed can fail it again.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert page.startswith("<!DOCTYPE html>")
    assert LAYOUT in page
    assert "Something went wrong on our side" in page


def test_a_view_that_raises_gets_the_500_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(views, "render", broken)
    client.raise_request_exception = False

    response = client.get(reverse("pages:home"))

    assertContains(response, "Something went wrong on our side", status_code=500)


def test_the_405_page_knows_who_is_signed_in(client, sign_in):
    sign_in(client)

    response = client.get(reverse("logout"))

    assertContains(
        response, "Signed in as <strong>demo</strong>", html=True, status_code=405
    )


def test_the_405_page_is_sent_as_html_whatever_the_view_said(rf):
    def refuse(request):
        return HttpResponseNotAllowed(["POST"], content_type="application/json")

    response = PagesMiddleware(refuse)(rf.get("/"))

    assert response.status_code == 405
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert LAYOUT in response.content.decode()


def test_home_names_the_session_engine(client):
    assertContains(
        client.get(reverse("pages:home")), f"<code>{settings.SESSION_ENGINE}</code>"
    )
