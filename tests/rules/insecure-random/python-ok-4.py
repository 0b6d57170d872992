# bastion-fixture: scripts/populate.py
# ok: insecure-random
import random

from app.models import Teams, db


def gen_team_name():
    return "team-%d" % random.randint(1000, 99999)


def populate(count):
    for _ in range(count):
        name = gen_team_name()
        team = Teams(name=name, password="changeme")
        db.session.add(team)
    db.session.commit()
