# bastion-fixture: judge/views/problem.py
# ok: insecure-random
from random import randrange

from django.http import HttpResponseRedirect
from django.views import View

from judge.models import Problem


class ProblemFilters(View):
    def post(self, request, *args, **kwargs):
        for key in ("hide_solved", "show_types", "full_text"):
            if key in request.GET:
                request.session[key] = request.GET.get(key) == "1"
            else:
                request.session.pop(key, None)
        return HttpResponseRedirect(request.get_full_path())


class RandomProblem(View):
    def get(self, request, *args, **kwargs):
        queryset = Problem.objects.filter(is_public=True)
        count = queryset.count()
        return HttpResponseRedirect(queryset[randrange(count)].get_absolute_url())
