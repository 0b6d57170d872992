# bastion-fixture: profiles/api.py
# ok: path-traversal
from pathlib import Path

from django.http import JsonResponse

from profiles.naming import validate_profile_name

PROFILES_DIR = Path("/var/lib/app/profiles")


def save_cookies(request):
    name = request.POST["name"].strip()
    # The validator answers (ok, reason); the view stops on a refused name, so the name
    # joined below is one that passed the project's own check.
    ok, reason = validate_profile_name(name)
    if not ok:
        return JsonResponse({"error": reason}, status=400)
    (PROFILES_DIR / name / "cookies.txt").write_text(request.POST["cookies"])
    return JsonResponse({"saved": name})
