# bastion-fixture: shop/admin.py
# The admin's edit form: staff editing every field is what the Django admin is for.
from django import forms
from django.contrib import admin

from shop.models import Tag


class TagAdminForm(forms.ModelForm):
    class Meta:
        model = Tag
        # ok: mass-assignment
        fields = "__all__"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagAdminForm
