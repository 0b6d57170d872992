# bastion-fixture: shop/forms.py
# A form module whose form one admin class of the same file edits with.
from django import forms
from django.contrib import admin

from shop.models import Tag


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        # ok: mass-assignment
        fields = "__all__"


class TagInline(admin.TabularInline):
    model = Tag
    form = TagForm
