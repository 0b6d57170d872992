# bastion-fixture: app/views.py
def signup(request):
# expect: py-mass-assignment
    user = User.objects.create(**request.POST.dict())
    return redirect(user)
