# bastion-fixture: app/render.py
# ok: jinja-autoescape-disabled
from jinja2 import Environment, select_autoescape
env = Environment(autoescape=select_autoescape())
text_env = Environment()
