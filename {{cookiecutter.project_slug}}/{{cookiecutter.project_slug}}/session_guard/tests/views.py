{% raw %}"""Views of the tests' own: they read and change the session, and nothing else."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.template import RequestContext, Template
from django.urls import include, path
from django.views.decorators.http import require_POST, require_safe

from ..cookie_size import SessionTooLarge, set_within_cookie_limit

# Who is signed in, the messages, and the idle warning: what a site's layout shows.
PAGE = Template(
    "{% if user.is_authenticated %}<p class=signed-in>{{ user }}</p>{% endif %}"
    "{% for message in messages %}<p class=message>{{ message }}</p>{% endfor %}"
    "{% if idle_seconds_left is not None %}"
    '{% include "session_guard/idle_warning.html" %}{% endif %}'
    "<p>{{ request.session.note }}</p>"
)


@require_safe
def data(request):
    """Answer the session's data, Django's own entries left out."""
    return JsonResponse(
        {key: value for key, value in request.session.items() if key[0] != "_"}
    )


@require_safe
def page(request):
    """Show a page as the site's layout would, reading the session."""
    return HttpResponse(Template.render(PAGE, RequestContext(request)))


@require_POST
def note(request):
    """Set the session's note to the posted one (within the cookie's limit)."""
    try:
        set_within_cookie_limit(request.session, "note", request.POST["note"])
    except SessionTooLarge as error:
        return HttpResponse(str(error), status=400)
    return HttpResponse(status=204)


@require_POST
def add(request):
    """Add the posted item to the session's list: a change another can overwrite."""
    request.session["items"] = [*request.session.get("items", []), request.POST["item"]]
    messages.info(request, f"Added {request.POST['item']}.")
    return HttpResponse(status=204)


def nothing(request):
    """Answer without a look at the session."""
    return HttpResponse(status=204)


urlpatterns = [
    path("data/", data, name="data"),
    path("page/", page, name="page"),
    path("note/", note, name="note"),
    path("add/", add, name="add"),
    path("nothing/", nothing, name="nothing"),
]
TEST_VIEWS = include((urlpatterns, "tests"))
{% endraw %}
