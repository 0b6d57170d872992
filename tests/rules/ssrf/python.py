# bastion-fixture: app/views.py
import requests

def preview(request):
    url = request.GET.get('url')
# expect: ssrf
    page = requests.get(url, timeout=5)
# expect: ssrf
    return requests.post(request.POST['hook'], json={}, timeout=5)
