"""Warehouse inventory read from a nightly XML export (FastAPI + ElementTree)."""
import xml.etree.ElementTree as ET

import elementpath
from fastapi import APIRouter, HTTPException, Query
from xml.dom import minidom
import xpath

router = APIRouter(prefix="/inventory")
EXPORT = "/srv/exports/inventory.xml"
WAREHOUSES = {"north", "south", "east"}


def load_root():
    return ET.parse(EXPORT).getroot()


@router.get("/items")
async def items(sku: str = Query(..., max_length=40)):
    root = load_root()
    found = root.findall(".//item[@sku='%s']" % sku)  # vuln: CWE-643
    return {"count": len(found)}


@router.get("/items/safe")
async def items_safe(sku: str = Query(..., max_length=40)):
    root = load_root()
    found = [i for i in root.iterfind(".//item") if i.get("sku") == sku]  # safe: CWE-643
    return {"count": len(found)}


@router.get("/warehouse/{name}")
async def warehouse(name: str):
    if name not in WAREHOUSES:
        raise HTTPException(status_code=404)
    root = load_root()
    shelves = root.findall(f"./warehouse[@name='{name}']/shelf")  # safe: CWE-643
    return {"shelves": len(shelves)}


@router.get("/bins")
async def bins(label: str):
    export = ET.parse(EXPORT)
    path = ".//bin[@label='" + label + "']"
    first = export.find(path)  # vuln: CWE-643
    return {"found": first is not None}


@router.get("/select")
async def select(owner: str):
    root = load_root()
    hits = elementpath.select(root, "//item[owner='{}']".format(owner))  # vuln: CWE-643
    safe = elementpath.select(root, "//item[owner=$o]", variables={"o": owner})  # safe: CWE-643
    return {"count": len(hits) + len(safe)}


@router.get("/dom")
async def dom(code: str):
    doc = minidom.parse(EXPORT)
    nodes = xpath.find("//item[@code='%s']" % code, doc)  # vuln: CWE-643
    return {"count": len(nodes)}


@router.get("/count")
async def count(limit: int = 10):
    root = load_root()
    first = root.findall(".//item[%d]" % limit)  # safe: CWE-643
    return {"count": len(first)}
