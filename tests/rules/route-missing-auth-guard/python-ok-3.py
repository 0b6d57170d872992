# bastion-fixture: app/admin/views.py
# ok: route-missing-auth-guard
from flask import Blueprint, redirect, render_template, url_for

from app.auth import admins_only, is_admin

admin = Blueprint("admin", __name__)


@admin.route("/admin", methods=["GET"])
def view():
    # The entry page sends admins on and everyone else to the login page itself.
    if is_admin():
        return redirect(url_for("admin.statistics"))
    return redirect(url_for("auth.login"))


@admin.route("/admin/statistics")
@admins_only
def statistics():
    return render_template("admin/statistics.html")


@admin.route("/admin/config")
@admins_only
def config():
    return render_template("admin/config.html")
