"""Password reset and e-mail confirmation views (Django, class-based)."""
import random
import secrets
import time

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.http import HttpResponse, JsonResponse
from django.views import View

WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor"]
MIRRORS = ["https://cdn-eu.example.org", "https://cdn-us.example.org"]


def send_reset_email(address, code):
    send_mail("Your reset code", f"Code: {code}", "noreply@example.org", [address])


class ResetRequestView(View):
    def post(self, request):
        user = get_user_model().objects.filter(email=request.POST.get("email")).first()
        if user is None:
            return JsonResponse({"sent": True})
        digits = [str(random.randint(0, 9)) for _ in range(8)]  # vuln: CWE-330
        code = "".join(digits)
        store_reset(user, code, expires=time.time() + 900)
        send_reset_email(user.email, code)
        return JsonResponse({"sent": True})


class ResetRequestStrongView(View):
    def post(self, request):
        user = get_user_model().objects.filter(email=request.POST.get("email")).first()
        code = f"{secrets.randbelow(10**8):08d}"  # safe: CWE-330
        store_reset(user, code, expires=time.time() + 900)
        send_reset_email(user.email, code)
        return JsonResponse({"sent": True})


def recovery_words(request):
    picked = random.sample(WORDS, 5)  # vuln: CWE-330
    passphrase = " ".join(picked)
    save_recovery(request.user, passphrase)
    return JsonResponse({"words": picked})


def nearest_mirror(request):
    mirror = random.choice(MIRRORS)  # safe: CWE-330
    return JsonResponse({"mirror": mirror})


def confirm_email(request):
    value = "%x" % random.getrandbits(96)  # vuln: CWE-330
    response = HttpResponse("check your inbox")
    response["Set-Cookie"] = f"confirm={value}; Secure; HttpOnly; Path=/confirm"
    return response


def survey(request):
    order = list(range(12))
    random.shuffle(order)  # safe: CWE-330
    request.session["survey_order"] = order
    return JsonResponse({"order": order})


def poll_jitter(request):
    delay = 5 + random.uniform(0, 2.5)  # safe: CWE-330
    return JsonResponse({"retry_after": delay})
