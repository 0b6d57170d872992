# bastion-fixture: app/serializers.py
# ok: mass-assignment
def nested_for(model, level):
    class NestedSerializer(serializers.ModelSerializer):
        class Meta:
            fields = '__all__'
    return NestedSerializer
