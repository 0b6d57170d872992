# bastion-fixture: app/api/plugins.py
import importlib

from flask import request


# The whole module name from the request: any installed module loads.
def load_plugin():
    name = request.args.get("plugin")
# expect: code-injection
    module = importlib.import_module(name)
# expect: code-injection
    helper = importlib.import_module(f"{name}.helpers")
    return module.run(helper)
