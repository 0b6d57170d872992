"""Billing views: invoice search, customer balances and payment return pages."""
import logging
from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .models import Invoice, PaymentAttempt

logger = logging.getLogger(__name__)

SORT_COLUMNS = {
    "date": "issued_at",
    "amount": "total_cents",
    "number": "number",
}


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _balance_filter(tenant_slug, region=None):
    clauses = ["tenant_slug = '%s'" % tenant_slug]
    if region:
        clauses.append("region = '%s'" % region)
    return " AND ".join(clauses)


@login_required
@require_GET
def invoice_search(request):
    status = request.GET.get("status", "open")
    sort_column = SORT_COLUMNS.get(request.GET.get("sort", "date"), "issued_at")
    direction = "DESC" if request.GET.get("desc") == "1" else "ASC"
    sql = (
        "SELECT id, number, customer_id, total_cents, status FROM billing_invoice "
        "WHERE status = %s ORDER BY " + sort_column + " " + direction
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [status])  # safe: CWE-89
        rows = _dictfetchall(cursor)
    return JsonResponse({"results": rows})


@login_required
@require_GET
def customer_balances(request, tenant_slug):
    where = _balance_filter(tenant_slug, request.GET.get("region"))
    sql = "SELECT customer_id, SUM(total_cents) AS balance FROM billing_invoice WHERE " + where + " GROUP BY customer_id"
    with connection.cursor() as cursor:
        cursor.execute(sql)  # vuln: CWE-89
        rows = _dictfetchall(cursor)
    return JsonResponse({"tenant": tenant_slug, "balances": rows})


@login_required
@require_GET
def overdue_invoices(request):
    days = request.GET.get("days", "30")
    currency = request.GET.get("currency", "EUR")
    query = (
        "SELECT * FROM billing_invoice WHERE status = 'open' "
        "AND due_date < NOW() - INTERVAL '%s days' AND currency = '%s'" % (days, currency)
    )
    invoices = Invoice.objects.raw(query)  # vuln: CWE-89
    data = [{"id": inv.pk, "number": inv.number, "due": inv.due_date.isoformat()} for inv in invoices]
    return JsonResponse({"overdue": data})


@require_GET
def payment_return(request):
    attempt = get_object_or_404(PaymentAttempt, reference=request.GET.get("ref", ""))
    attempt.mark_returned(provider_status=request.GET.get("status"))
    next_url = request.GET.get("next") or "/billing/"
    return HttpResponseRedirect(next_url)  # vuln: CWE-601


@login_required
@require_POST
def cancel_payment(request, invoice_id):
    invoice = get_object_or_404(Invoice, pk=invoice_id, customer__owner=request.user)
    invoice.cancel_pending_payment()
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/billing/invoices/"
    return HttpResponseRedirect(back)  # safe: CWE-601


@csrf_exempt  # vuln: CWE-352
@login_required
@require_POST
def mark_paid(request, invoice_id):
    invoice = get_object_or_404(Invoice, pk=invoice_id, customer__owner=request.user)
    try:
        amount = Decimal(request.POST.get("amount", "0"))
    except InvalidOperation:
        return HttpResponseBadRequest("invalid amount")
    invoice.status = "paid"
    invoice.paid_amount = amount
    invoice.save(update_fields=["status", "paid_amount"])
    logger.info("invoice %s marked paid by user %s", invoice.pk, request.user.pk)
    return JsonResponse({"ok": True, "invoice": invoice.pk})
