# bastion-fixture: app/views.py
# ok: reflected-xss
from django.utils.safestring import mark_safe

def banner(text):
    return HttpResponse(mark_safe(f'<div>{text}</div>'))

def status(request):
    return HttpResponse(mark_safe(f'<p>{settings.VERSION}</p>'))
