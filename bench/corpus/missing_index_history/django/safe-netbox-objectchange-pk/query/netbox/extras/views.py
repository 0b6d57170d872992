from django.shortcuts import get_object_or_404, render
from django.views.generic import View

from .models import ObjectChange


class ChangeDetail(View):
    def get(self, request, pk):
        change = get_object_or_404(ObjectChange, pk=pk)
        return render(request, "extras/change.html", {"change": change})
