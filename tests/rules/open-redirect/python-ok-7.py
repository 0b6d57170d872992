# bastion-fixture: app/utils/initialization.py
# ok: open-redirect
from flask import redirect, request


def init_request_processors(app):
    application_root = app.config.get("APPLICATION_ROOT")
    if application_root != "/":

        @app.before_request
        def force_subdirectory_redirect():
            # The page asked for, under the configured root: the host stays ours.
            if request.path.startswith(application_root) is False:
                return redirect(application_root + request.script_root + request.full_path)
