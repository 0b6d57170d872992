import ast
import json
import os
import tempfile

from defusedxml import ElementTree as SafeET
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from .pricing import apply_price_rules


@staff_member_required
@require_POST
def evaluate_rule(request):
    body = json.loads(request.body)
    expression = body.get("expression", "0")
    context = {"base": float(body.get("base", 0)), "qty": int(body.get("qty", 1))}
    result = eval(expression, {"__builtins__": {}}, context)  # vuln: CWE-94
    return JsonResponse({"result": result})


@staff_member_required
@require_POST
def parse_tiers(request):
    raw = request.POST.get("tiers", "[]")
    tiers = ast.literal_eval(raw)  # safe: CWE-94
    if not isinstance(tiers, list):
        return JsonResponse({"error": "expected a list"}, status=400)
    return JsonResponse({"tiers": apply_price_rules(tiers)})


@staff_member_required
@require_POST
def import_catalog(request):
    upload = request.FILES["catalog"]
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    tree = etree.fromstring(upload.read(), parser)  # vuln: CWE-611
    products = [
        {"sku": p.findtext("sku"), "name": p.findtext("name")}
        for p in tree.iterfind("product")
    ]
    return JsonResponse({"imported": len(products)})


@staff_member_required
@require_POST
def import_suppliers(request):
    upload = request.FILES["suppliers"]
    root = SafeET.fromstring(upload.read())  # safe: CWE-611
    names = [s.get("name") for s in root.findall("supplier")]
    return JsonResponse({"suppliers": names})


@staff_member_required
def export_price_list(request):
    rows = apply_price_rules(json.loads(request.GET.get("tiers", "[]")))
    path = tempfile.mktemp(suffix=".csv", prefix="prices-")  # vuln: CWE-377
    with open(path, "w") as fh:
        for row in rows:
            fh.write(f"{row['sku']},{row['price']}\n")
    with open(path, "rb") as fh:
        data = fh.read()
    os.unlink(path)
    response = HttpResponse(data, content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="prices.csv"'
    return response
