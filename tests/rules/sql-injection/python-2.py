# bastion-fixture: app/views.py
from app.models import User

def search(request):
    term = request.GET['q']
# expect: sql-injection
    return User.objects.raw(f"SELECT * FROM app_user WHERE name = '{term}'")
