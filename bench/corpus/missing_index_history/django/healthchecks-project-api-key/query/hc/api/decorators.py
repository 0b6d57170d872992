from functools import wraps

from django.http import JsonResponse

from hc.accounts.models import Project


def key_required(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        key = request.META.get("HTTP_X_API_KEY", "")
        try:
            request.project = Project.objects.get(api_key=key)
        except Project.DoesNotExist:
            return JsonResponse({"error": "unknown key"}, status=401)
        return view(request, *args, **kwargs)

    return checked
