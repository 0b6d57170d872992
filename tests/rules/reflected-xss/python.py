# bastion-fixture: app/views.py
from django.utils.safestring import mark_safe

def greet(request):
    name = request.GET.get('name', '')
# expect: reflected-xss
    return HttpResponse(mark_safe(f'<h1>Hello {name}</h1>'))
