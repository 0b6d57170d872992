# bastion-fixture: app/deploy.py
import paramiko

def connect(host):
    client = paramiko.SSHClient()
# expect: py-ssh-auto-add-host-key
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
