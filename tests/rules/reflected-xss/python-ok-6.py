# bastion-fixture: api/views.py
# DRF's Response renders its data with the negotiated renderer (JSON), not as a page.
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def trace(request):
    value = request.headers.get("X-Trace")
    # ok: reflected-xss
    return Response(value)
