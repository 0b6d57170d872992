"""Reporting views for the finance dashboard (Django)."""

import hashlib
import logging
import pickle
import random
import string

import yaml
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import HttpResponse, JsonResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt

from .models import Invoice, ReportPreset

logger = logging.getLogger(__name__)


@login_required
def revenue_by_region(request):
    region = request.GET.get("region", "EU")
    with connection.cursor() as cursor:
        cursor.execute("SELECT month, SUM(amount) FROM invoices WHERE region = '%s' GROUP BY month" % region)  # vuln: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"rows": rows})


@login_required
def revenue_by_currency(request):
    currency = request.GET.get("currency", "EUR")
    with connection.cursor() as cursor:
        cursor.execute("SELECT month, SUM(amount) FROM invoices WHERE currency = %s GROUP BY month", [currency])  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"rows": rows})


@login_required
def overdue(request):
    days = request.GET.get("days", "30")
    qs = Invoice.objects.extra(where=["due_date < now() - interval '" + days + " days'"])  # vuln: CWE-89
    return JsonResponse({"count": qs.count()})


@login_required
def overdue_safe(request):
    days = int(request.GET.get("days", "30"))
    qs = Invoice.objects.extra(where=["due_date < now() - interval '%s days'"], params=[days])  # safe: CWE-89
    return JsonResponse({"count": qs.count()})


@login_required
def annotated(request):
    weight = request.GET.get("weight", "1")
    qs = Invoice.objects.annotate(score=RawSQL("amount * " + weight, []))  # vuln: CWE-89
    return JsonResponse({"top": list(qs.order_by("-score").values_list("id", flat=True)[:10])})


@login_required
def report_title(request):
    title = request.GET.get("title", "")
    return HttpResponse("<h2>" + title + "</h2>")  # vuln: CWE-79


@login_required
def report_banner(request):
    title = request.GET.get("title", "")
    return HttpResponse(mark_safe("<div class='banner'>" + title + "</div>"))  # vuln: CWE-79


@login_required
def report_banner_safe(request):
    title = request.GET.get("title", "")
    return HttpResponse(format_html("<div class='banner'>{}</div>", title))  # safe: CWE-79


@csrf_exempt  # vuln: CWE-352
@login_required
def import_preset(request):
    preset = yaml.load(request.body, Loader=yaml.Loader)  # vuln: CWE-502
    ReportPreset.objects.create(owner=request.user, config=preset)
    return JsonResponse({"ok": True})


@login_required
def import_preset_safe(request):
    preset = yaml.safe_load(request.body)  # safe: CWE-502
    ReportPreset.objects.create(owner=request.user, config=preset)
    return JsonResponse({"ok": True})


@login_required
def restore_session_filters(request):
    blob = request.COOKIES.get("filters", "")
    filters = pickle.loads(bytes.fromhex(blob))  # vuln: CWE-502
    return JsonResponse({"filters": filters})


def share_token() -> str:
    return "".join(random.choice(string.ascii_letters) for _ in range(32))  # vuln: CWE-330


def pick_colour() -> str:
    return random.choice(["#f00", "#0f0", "#00f"])  # safe: CWE-330


def report_fingerprint(report_id: int, password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()  # vuln: CWE-328


def report_etag(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()  # safe: CWE-328


@login_required
def export_csv(request):
    fmt = request.GET.get("fmt", "csv")
    logger.warning(f"export requested with format {fmt}")  # vuln: CWE-117
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = "attachment; filename=report.csv"  # safe: CWE-113
    return response
