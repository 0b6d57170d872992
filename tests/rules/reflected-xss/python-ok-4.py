# bastion-fixture: app/views/streams.py
# ok: reflected-xss
from django.http import HttpRequest, HttpResponse
from django.template import loader


def replace(
    request: HttpRequest, target_id: str, template_name: str, context: dict
) -> HttpResponse:
    # A helper the views call with their own element ids and context, not a view:
    # Django passes no dict from a URL.
    content = loader.render_to_string(template_name, context, request)
    stream = f'<turbo-stream action="replace" target="{target_id}"><template>{content}</template></turbo-stream>'
    return HttpResponse(stream)
