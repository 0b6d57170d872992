# bastion-fixture: app/tasks/reports.py
# ok: stack-trace-in-response
import logging
import traceback

log = logging.getLogger(__name__)


def run_report(report_id):
    # A worker's result record, not an HTTP response.
    try:
        return {"ok": True, "report": build_report(report_id)}
    except Exception:
        log.error("report %s failed: %s", report_id, traceback.format_exc())
        return {"ok": False, "trace": traceback.format_exc()}
