from sqlalchemy import or_

from app.models import Certificate, Owner


def filter_by_term(query, column, term):
    return query.filter(column.ilike("%{}%".format(term)))


def search_owners(session, text):
    return session.query(Owner).filter(
        or_(Owner.email.ilike("%%%s%%" % text), Owner.name.ilike("%%%s%%" % text))
    )


def expiring(session, days):
    return session.query(Certificate).filter(Certificate.days_left <= days).all()
