# bastion-fixture: app/resources/reports.py
# Falcon: a responder's query parameter run by the shell.
import os


class ReportResource:
    def on_post(self, req, resp):
        name = req.get_param("name") or "daily"
# expect: command-injection
        os.system("generate-report --name " + name)
        resp.media = {"queued": name}
