"""Staff directory over an XML export, routes registered by `init_routes(app)`."""
from flask import jsonify, request

ALLOWED_DEPARTMENTS = {"sales", "ops", "engineering"}


def init_routes(app):

    @app.route("/staff/by-id", methods=["GET"])
    def staff_by_id():
        import lxml.etree

        staff_id = request.args.get("id", "")
        root = lxml.etree.parse("staff.xml")
        query = "/staff/person[@id='" + staff_id + "']"
        nodes = root.xpath(query)  # vuln: CWE-643
        return jsonify(found=len(nodes))

    @app.route("/staff/by-id-v2", methods=["GET"])
    def staff_by_id_v2():
        import lxml.etree

        staff_id = request.args.get("id", "")
        root = lxml.etree.parse("staff.xml")
        nodes = root.xpath("/staff/person[@id=$sid]", sid=staff_id)  # safe: CWE-643
        return jsonify(found=len(nodes))

    @app.route("/staff/by-number", methods=["GET"])
    def staff_by_number():
        import lxml.etree

        number = int(request.args.get("n", "0"))
        root = lxml.etree.parse("staff.xml")
        nodes = root.xpath("/staff/person[@number='%d']" % number)  # safe: CWE-643
        return jsonify(found=len(nodes))

    @app.route("/staff/by-department", methods=["GET"])
    def staff_by_department():
        import xml.etree.ElementTree as ET

        department = request.args.get("dept", "")
        if department not in ALLOWED_DEPARTMENTS:
            return jsonify(error="unknown department"), 400
        tree = ET.parse("staff.xml")
        nodes = tree.findall(f".//person[@dept='{department}']")  # safe: CWE-643
        return jsonify(found=len(nodes))

    @app.route("/staff/by-name", methods=["GET"])
    def staff_by_name():
        import defusedxml.ElementTree as SafeET

        name = request.cookies.get("last_search", "")
        staff = SafeET.parse("staff.xml")
        people = staff.getroot().findall(".//person[name='%s']" % name)  # vuln: CWE-643
        return jsonify(found=len(people))

    @app.route("/staff/by-manager", methods=["POST"])
    def staff_by_manager():
        from lxml import etree

        filters = {"default": "nobody", "manager": request.form.get("manager", "")}
        chosen = filters["default"]
        doc = etree.parse("staff.xml")
        finder = etree.XPath("//person[manager='" + chosen + "']")  # safe: CWE-643
        picked = filters["manager"]
        matcher = etree.XPath("//person[manager='" + picked + "']")  # vuln: CWE-643
        return jsonify(a=len(finder(doc)), b=len(matcher(doc)))
