# bastion-fixture: app/views.py
# ok: ssrf
import requests

def user(request):
    uid = request.GET['id']
    return requests.get(f'https://api.example.com/users/{uid}', timeout=5)
