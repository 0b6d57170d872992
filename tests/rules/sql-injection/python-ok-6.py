# bastion-fixture: app/forum/moderation.py
# ok: sql-injection
from flask import Blueprint, redirect, request, url_for

from app.extensions import db
from app.models import Topic

bp = Blueprint("moderation", __name__)


@bp.post("/forum/<int:forum_id>/lock")
def lock_topics(forum_id: int):
    # The ids reach SQL only as operands of SQLAlchemy column operators: bound parameters.
    ids = request.form.getlist("rowid")
    title = request.form.get("q", "")
    topics = (
        db.session.execute(
            db.select(Topic).where(Topic.id.in_(ids), Topic.title.ilike(f"%{title}%"))
        )
        .scalars()
        .all()
    )
    for topic in topics:
        topic.locked = True
    db.session.commit()
    return redirect(url_for("forum.view_forum", forum_id=forum_id))
