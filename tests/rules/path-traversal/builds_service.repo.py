# bastion-fixture: app/services/builds.py
from pathlib import Path

BUILDS = Path("/var/lib/app/builds")


def build_dir_for(name: str) -> Path:
    return Path(BUILDS, name)
