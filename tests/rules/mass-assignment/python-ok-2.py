# bastion-fixture: app/views.py
# ok: mass-assignment
def signup(request):
    form = SignupForm(request.POST)
    user = User.objects.create(**form.cleaned_data)
    return redirect(user)
