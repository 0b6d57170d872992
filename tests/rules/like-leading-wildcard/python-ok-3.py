# bastion-fixture: app/database.py
# ok: like-leading-wildcard
from sqlalchemy import or_

from app.models import Certificate, Owner


# A `pyupgrade` pass (the version before is python-ok-3.base.py): format strings become
# f-strings; the searches were there before and the change adds none.
def filter_by_term(query, column, term):
    return query.filter(column.ilike(f"%{term}%"))


def search_owners(session, text):
    return session.query(Owner).filter(
        or_(Owner.email.ilike(f"%{text}%"), Owner.name.ilike(f"%{text}%"))
    )


def expiring(session, days):
    return session.query(Certificate).filter(Certificate.days_left <= days).all()
