# bastion-fixture: app/views.py
def signup(request):
# expect: mass-assignment
    user = User.objects.create(**request.POST.dict())
    return redirect(user)
