# bastion-fixture: app/views.py
# ok: reflected-xss
from django.utils.html import format_html

def greet(request):
    name = request.GET.get('name', '')
    return HttpResponse(format_html('<h1>Hello {}</h1>', name))
