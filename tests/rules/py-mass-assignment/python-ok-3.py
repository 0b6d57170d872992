# bastion-fixture: app/serializers.py
# ok: py-mass-assignment
def nested_for(model, level):
    class NestedSerializer(serializers.ModelSerializer):
        class Meta:
            fields = '__all__'
    return NestedSerializer
