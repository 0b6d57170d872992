# bastion-fixture: app/tasks.py
# ok: command-injection
import os

def backup(target_dir):
    os.system(f"tar czf /backups/db.tgz {target_dir}")
