# bastion-fixture: app/render.py
from jinja2 import Environment, FileSystemLoader
# expect: jinja-autoescape-disabled
env = Environment(loader=FileSystemLoader('t'), autoescape=False)
