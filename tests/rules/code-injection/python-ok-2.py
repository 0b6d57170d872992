# bastion-fixture: app/api/watch.py
# ok: code-injection
import importlib

from flask import request


# The processor's name only picks a module inside the app's own package.
def update_watch(uuid):
    processor_name = request.json.get("processor")
    module = importlib.import_module(f"app.processors.{processor_name}.edit_hook")
    return module.on_config_save(uuid, request.json)


# The same through a name bound to the module's text.
def run_hook(uuid):
    processor_name = request.json.get("processor")
    hook_name = f"app.processors.{processor_name}.edit_hook"
    hook = importlib.import_module(hook_name)
    return hook.on_config_save(uuid)
