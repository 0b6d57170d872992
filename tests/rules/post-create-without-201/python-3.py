# bastion-fixture: shop/views.py
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def create_item(request):
    serializer = ItemSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    serializer.save()
# expect: post-create-without-201
    return Response(serializer.data)
