"""Sales reporting views for the back-office dashboard."""
import logging
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reports.models import Region, SavedReport

logger = logging.getLogger(__name__)

SORTABLE_COLUMNS = {"total": "SUM(o.amount)", "orders": "COUNT(o.id)", "region": "r.name"}


def _date_bounds(request):
    start = request.GET.get("from") or date.today().replace(day=1).isoformat()
    end = request.GET.get("to") or date.today().isoformat()
    return start, end


def _region_filter(region_code):
    # Builds the WHERE fragment that narrows the report to one region.
    if not region_code:
        return ""
    return " AND r.code = '%s'" % region_code


@login_required
@require_GET
def revenue_by_region(request):
    start, end = _date_bounds(request)
    region_code = request.GET.get("region", "")
    sql = (
        "SELECT r.name, COUNT(o.id), SUM(o.amount) "
        "FROM orders o JOIN regions r ON r.id = o.region_id "
        "WHERE o.created_at BETWEEN %s AND %s"
    )
    sql += _region_filter(region_code)
    sql += " GROUP BY r.name"
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, end])  # vuln: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"rows": [list(r) for r in rows]})


@login_required
@require_GET
def top_customers(request):
    start, end = _date_bounds(request)
    sort_key = request.GET.get("sort", "total")
    order_expr = SORTABLE_COLUMNS.get(sort_key, SORTABLE_COLUMNS["total"])
    limit = min(int(request.GET.get("limit", "20")), 200)
    query = (
        "SELECT c.email, r.name, COUNT(o.id), SUM(o.amount) FROM orders o "
        "JOIN customers c ON c.id = o.customer_id JOIN regions r ON r.id = o.region_id "
        "WHERE o.created_at BETWEEN %s AND %s GROUP BY c.email, r.name "
        f"ORDER BY {order_expr} DESC LIMIT {limit}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (start, end))  # safe: CWE-89
        data = cursor.fetchall()
    return JsonResponse({"customers": [list(r) for r in data]})


@login_required
def report_banner(request, report_id):
    report = get_object_or_404(SavedReport, pk=report_id, owner=request.user)
    note = request.GET.get("note", "")
    headline = "<h2>%s</h2><p class='note'>%s</p>" % (report.title, note)
    return render(request, "reports/banner.html", {
        "headline": mark_safe(headline),  # vuln: CWE-79
        "regions": Region.objects.all(),
    })


@login_required
def save_and_continue(request, report_id):
    report = get_object_or_404(SavedReport, pk=report_id, owner=request.user)
    report.last_viewed = date.today()
    report.save(update_fields=["last_viewed"])
    target = request.POST.get("next") or request.GET.get("next", "/reports/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return HttpResponseRedirect(target)  # safe: CWE-601
    return HttpResponseRedirect("/reports/")


@login_required
def export_done(request):
    logger.info("export finished for user_id=%s", request.user.pk)
    back_to = request.GET.get("back_to", "/reports/")
    response = HttpResponse(status=302)
    response["Location"] = back_to  # vuln: CWE-601
    return response
