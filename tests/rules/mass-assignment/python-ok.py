# bastion-fixture: app/serializers.py
# ok: mass-assignment
class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "name"]

class AuditSerializer(serializers.ModelSerializer):
    class Meta:
        model = Audit
        fields = "__all__"
        read_only_fields = fields
