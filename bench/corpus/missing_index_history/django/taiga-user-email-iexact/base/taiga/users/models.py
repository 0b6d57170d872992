from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models


class User(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(max_length=255, unique=True)
    email = models.EmailField(max_length=255, blank=True, unique=True)
    full_name = models.CharField(max_length=256, blank=True)
    is_active = models.BooleanField(default=True)


class Role(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=250, blank=True)
    project = models.ForeignKey("projects.Project", null=True, blank=False, related_name="roles")

    class Meta:
        unique_together = (("slug", "project"),)
