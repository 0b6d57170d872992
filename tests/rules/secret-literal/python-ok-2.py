# bastion-fixture: tests/test_login.py
# ok: secret-literal
def test_login(client):
    client.login(username="ada", password="Ch4rl3sB4bb4ge")
    connect("postgres://scott:T1g3rT1g3r@db.test/app")
