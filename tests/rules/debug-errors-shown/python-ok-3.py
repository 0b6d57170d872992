# bastion-fixture: app/feature_flags.py
# ok: debug-errors-shown
DEBUG = True
