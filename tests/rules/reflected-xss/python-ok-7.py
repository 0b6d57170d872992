# bastion-fixture: app/processors/extract.py
# ok: reflected-xss
import os

from flask import make_response, request, send_from_directory


# The response serves a CSV the server wrote: its body is the file, not the form's text.
def extract_view(datastore, watch, uuid):
    extract_regex = request.form.get("extract_regex", "").strip()
    output = watch.extract_regex_from_all_history(extract_regex)
    if output:
        watch_dir = os.path.join(datastore.datastore_path, uuid)
        response = make_response(send_from_directory(directory=watch_dir, path=output, as_attachment=True))
        response.headers["Content-type"] = "text/csv"
        return response
    return "nothing found"
