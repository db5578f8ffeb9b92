from django.template.loader import render_to_string


class MethodNotAllowedPageMiddleware:
    """Give a 405 answer a page in the site's layout.

    Django has error pages for 400, 403, 404 and 500, but a view that refuses a method
    (require_POST, a class-based view without a get()) answers 405 with an empty body.
    This fills in 405.html and keeps the status and the Allow header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
        ):
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response


class RequestBodyLimitMiddleware:
    """Hold every request body to DATA_UPLOAD_MAX_MEMORY_SIZE, whatever its type.

    Django applies the limit to the form bodies it parses, and only when something
    reads them; this site takes no other kind. Reading each body here refuses one that
    says it is bigger at once (400), before a byte of it is read, and one that does
    not say (chunked) once it passes the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.body  # noqa: B018 (read for its check)
        return self.get_response(request)
