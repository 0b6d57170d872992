# bastion-fixture: accounts/views.py
from rest_framework.response import Response
from rest_framework.views import APIView

EDITABLE = {"display_name", "timezone"}


class ProfileView(APIView):
    def patch(self, request):
        profile = request.user.profile
        for field, value in request.data.items():
# expect: mass-assignment
            setattr(profile, field, value)
        profile.save()
        return Response({})

    def put(self, request):
        profile = request.user.profile
        for field, value in request.data.items():
            if field in EDITABLE:
                setattr(profile, field, value)
        profile.save()
        return Response({})
