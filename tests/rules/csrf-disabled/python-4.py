# bastion-fixture: app/items/views.py
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from app.items.access import item_for_request


# The helper finds the item among the caller's own: the request's cookie decides.
# expect: csrf-disabled
@csrf_exempt
def delete_item(request, pk):
    item = item_for_request(request, pk)
    item.delete()
    return HttpResponse(status=204)


# expect: csrf-disabled
@csrf_exempt
def rename(request, pk):
    request.user.items.filter(pk=pk).update(name=request.POST["name"])
    return HttpResponse(status=204)
