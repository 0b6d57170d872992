# bastion-fixture: app/api/items.py
# ok: route-missing-auth-guard
from flask import Blueprint
bp = Blueprint('items', __name__)

@bp.route('/items')
@login_required
def items():
    return []

@bp.route('/items/<int:i>')
@login_required
def item(i):
    return {}

@bp.route('/health')
def health():
    return 'ok'
