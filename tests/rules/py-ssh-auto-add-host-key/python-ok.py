# bastion-fixture: app/deploy.py
# ok: py-ssh-auto-add-host-key
import paramiko

def connect(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host)
