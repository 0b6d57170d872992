# bastion-fixture: shop/forms.py
# A public form outside the admin still takes every field a client posts.
from django import forms

from shop.models import Profile


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        # expect: mass-assignment
        fields = "__all__"
