# bastion-fixture: app/views.py
# ok: ssrf
import requests

def download(url):
    return requests.get(url, timeout=5)

def avatar(request):
    uid = request.GET['id']
    return requests.get(settings.CDN + '/avatars/' + uid, timeout=5)
