# bastion-fixture: app/admin/users.py
from flask import Blueprint, render_template

from app.auth import admins_only
from app.models import User

admin = Blueprint("admin_users", __name__)


@admin.route("/admin/users")
@admins_only
def users():
    return render_template("admin/users.html", users=User.query.all())


@admin.route("/admin/users/<int:user_id>")
@admins_only
def user(user_id):
    return render_template("admin/user.html", user=User.query.get_or_404(user_id))


@admin.route("/admin/users/<int:user_id>/delete", methods=["POST"])
# expect: route-missing-auth-guard
def delete_user(user_id):
    user = User.query.get(user_id)
    if user is None:
        return "", 404
    user.delete()
    return "", 204
