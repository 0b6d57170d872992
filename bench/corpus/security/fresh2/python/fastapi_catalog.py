"""Catalog search and supplier feed import (FastAPI + pymongo + lxml)."""
import io
from typing import Optional

from defusedxml import ElementTree as SafeET
from fastapi import APIRouter, File, HTTPException, Query, UploadFile
from lxml import etree
from pymongo import MongoClient
from pydantic import BaseModel

router = APIRouter(prefix="/catalog")

client = MongoClient("mongodb://catalog-db:27017", serverSelectionTimeoutMS=3000)
products = client["shop"]["products"]
feeds = client["shop"]["supplier_feeds"]

SORTABLE = {"price": "price", "name": "name", "newest": "created_at"}


class PriceRule(BaseModel):
    category: str
    expression: str


def _project(doc):
    doc["id"] = str(doc.pop("_id"))
    return doc


@router.get("/products")
def search_products(
    category: str = Query(...),
    min_price: Optional[float] = None,
    sort: str = "name",
    limit: int = Query(20, le=100),
):
    criteria = {"category": str(category), "active": True}
    if min_price is not None:
        criteria["price"] = {"$gte": float(min_price)}
    sort_field = SORTABLE.get(sort, "name")
    cursor = products.find(criteria).sort(sort_field, 1).limit(limit)  # safe: CWE-943
    return [_project(d) for d in cursor]


@router.post("/products/filter")
def filter_by_rule(rule: PriceRule):
    # merchandisers type expressions like "this.price < this.list_price * 0.8"
    query = {"category": rule.category, "$where": rule.expression}
    docs = products.find(query).limit(200)  # vuln: CWE-943
    return [_project(d) for d in docs]


@router.post("/feeds/{supplier}")
async def import_feed(supplier: str, feed: UploadFile = File(...)):
    body = await feed.read()
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    try:
        tree = etree.parse(io.BytesIO(body), parser)  # vuln: CWE-611
    except etree.XMLSyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"bad feed: {exc.msg}")
    items = []
    for node in tree.iterfind(".//item"):
        items.append({"sku": node.findtext("sku"), "qty": int(node.findtext("qty") or 0)})
    feeds.insert_one({"supplier": supplier, "count": len(items)})
    return {"imported": len(items)}


@router.post("/feeds/{supplier}/preview")
async def preview_feed(supplier: str, feed: UploadFile = File(...)):
    body = await feed.read()
    root = SafeET.fromstring(body)  # safe: CWE-611
    skus = [el.text for el in root.iter("sku")][:20]
    return {"supplier": supplier, "sample": skus}
