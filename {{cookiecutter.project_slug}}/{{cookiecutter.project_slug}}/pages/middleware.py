{% if cookiecutter.django_version == "5.2" %}
from django.conf import settings
{% endif %}
from django.template.loader import render_to_string


class PagesMiddleware:
    """Hold requests to what this site takes, and give a bare 405 the site's page.

    Every request body is held to DATA_UPLOAD_MAX_MEMORY_SIZE, whatever its type:
    Django applies the limit to the form bodies it parses, and only when something
    reads them, and this site takes no other kind. A body that says it is bigger is
    refused (400) before a byte of it is read. (A chunked body, which says nothing of
    its size, Django does not read at all: it sees an empty one. The proxy in front
    caps those; see docs/deploying.md.)

    Django has error pages for 400, 403, 404 and 500, but a view that refuses a method
    (require_POST, a class-based view without a get()) answers 405 with an empty body:
    this fills in 405.html and keeps the status and the Allow header.

    Last in MIDDLEWARE: the others' requests come through it before any reads a body,
    and the page it gives passes back through all of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.body  # noqa: B018 (read for its check)
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
        ):
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
{% if cookiecutter.django_version == "5.2" %}


HEADERS = {
    "SECURE_CSP": "Content-Security-Policy",
    "SECURE_CSP_REPORT_ONLY": "Content-Security-Policy-Report-Only",
}


class ContentSecurityPolicyMiddleware:
    """Send SECURE_CSP's policy with every response, as Django 6.0 and later do.

    Django 5.2 has no Content-Security-Policy of its own. This is as much of Django's
    django.middleware.csp.ContentSecurityPolicyMiddleware as this site uses: the
    policies of SECURE_CSP and SECURE_CSP_REPORT_ONLY, for every response that has
    none yet; no nonces. On Django 6.0 or later, Django's own middleware takes its
    place in MIDDLEWARE, with the same settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for setting, header in HEADERS.items():
            policy = getattr(settings, setting, {})  # {} by default, as on Django 6
            if policy and header not in response:
                response[header] = build_policy(policy)
        return response


def build_policy(policy):
    """Return the header of a policy: "default-src 'self'; object-src 'none'"."""
    return "; ".join(
        " ".join([directive, *sources]) for directive, sources in policy.items()
    )
{% endif %}
