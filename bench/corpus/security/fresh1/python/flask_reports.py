"""Report rendering, conversion and download endpoints."""
import os
import subprocess
import uuid

from flask import Flask, abort, jsonify, render_template_string, request, send_file
from markupsafe import escape

from reports.store import ReportStore

app = Flask(__name__)
app.config.from_prefixed_env()

REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/reports/output")
THUMB_FORMATS = {"png", "jpeg"}
store = ReportStore(REPORT_DIR)

PREVIEW_LAYOUT = """
<html>
  <head><title>{{ title }}</title></head>
  <body>
    <h1>{{ title }}</h1>
    <table>
      {% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}
    </table>
  </body>
</html>
"""


def _convert_command(source, target_format):
    return "soffice --headless --convert-to {} --outdir {} {}".format(target_format, REPORT_DIR, source)


@app.post("/reports")
def queue_report():
    job_id = uuid.uuid4().hex
    store.enqueue(job_id, request.get_json(force=True))
    return jsonify(job=job_id), 202


@app.post("/reports/<name>/convert")
def convert_report(name):
    target_format = request.form.get("format", "pdf")
    source = os.path.join(REPORT_DIR, name)
    result = subprocess.run(_convert_command(source, target_format), shell=True, capture_output=True, text=True)  # vuln: CWE-78
    if result.returncode != 0:
        app.logger.error("conversion of %s failed: %s", name, result.stderr)
        return jsonify(error="conversion failed"), 500
    return jsonify(status="converted", format=target_format)


@app.post("/reports/<int:report_id>/thumbnail")
def make_thumbnail(report_id):
    fmt = (request.get_json(silent=True) or {}).get("format", "png")
    if fmt not in THUMB_FORMATS:
        abort(400)
    source = os.path.join(REPORT_DIR, f"{report_id}.pdf")
    out_prefix = os.path.join(REPORT_DIR, f"{report_id}-thumb")
    subprocess.run(["pdftoppm", "-singlefile", "-r", "72", f"-{fmt}", source, out_prefix], check=True, timeout=30)  # safe: CWE-78
    return jsonify(thumbnail=f"{report_id}-thumb.{fmt}")


@app.get("/reports/download")
def download_report():
    filename = request.args.get("file", "")
    path = os.path.join(REPORT_DIR, filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)  # vuln: CWE-22


@app.post("/reports/preview")
def preview_report():
    title = request.form.get("title", "Preview")
    rows = store.sample_rows(request.form.get("dataset", "sales"), limit=20)
    page = PREVIEW_LAYOUT.replace("{{ title }}", title)
    return render_template_string(page, rows=rows)  # vuln: CWE-1336


@app.get("/reports/<name>")
def report_status(name):
    report = store.find(name)
    if report is None:
        return f"<p>No report named <b>{escape(name)}</b> was found.</p>", 404  # safe: CWE-79
    return jsonify(name=report.name, status=report.status, created=report.created_at.isoformat())
