# bastion-fixture: app/tasks.py
# ok: py-shell-injection
import os

def backup(target_dir):
    os.system(f"tar czf /backups/db.tgz {target_dir}")
