from hc.api.models import Flip


def send_for(flip_id):
    flip = Flip.objects.get(id=flip_id)
    return flip.owner
