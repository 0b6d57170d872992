# bastion-fixture: app/catalog/views.py
# ok: xpath-injection
import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml")


@app.route("/books")
def books():
    author = request.args.get("author", "")
    titles = CATALOG.xpath("//book[author=$name]/title/text()", name=author)
    year = int(request.args["year"])
    by_year = CATALOG.xpath("//book[@year='%d']" % year)
    root = ET.parse("catalog.xml").getroot()
    every = root.findall(".//book")
    position = author.find("/")
    return {"titles": titles, "n": len(by_year) + len(every) + position}
