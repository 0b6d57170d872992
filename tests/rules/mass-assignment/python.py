# bastion-fixture: app/serializers.py
from rest_framework import serializers

class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
# expect: mass-assignment
        fields = "__all__"
