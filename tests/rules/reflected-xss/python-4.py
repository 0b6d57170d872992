# bastion-fixture: app/processors/extract.py
import os

from flask import make_response, request, send_from_directory


# The form's text written into the page stays a finding beside a file download.
def extract_view(datastore, watch, uuid):
    extract_regex = request.form.get("extract_regex", "").strip()
    output = watch.extract_regex_from_all_history(extract_regex)
    if output:
        watch_dir = os.path.join(datastore.datastore_path, uuid)
        return send_from_directory(directory=watch_dir, path=output, as_attachment=True)
# expect: reflected-xss
    return make_response(f"<p>No match for {extract_regex}</p>")
