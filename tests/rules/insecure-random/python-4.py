# bastion-fixture: app/oauth/device.py
import random

LETTERS = "BCDFGHJKLMNPQRSTVWXZ"


def start_device_flow(client_id):
# expect: insecure-random
    device_code = "".join(random.sample(LETTERS, 8))
    return {"client_id": client_id, "device_code": device_code}
