"""A copy of what a build of this site reads, for tests and measurements that change it."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "requirements.txt", "docs", "hooks", "overrides")  # the build reads Material's pin


# Copy mkdocs.yml, requirements.txt, docs/, hooks/ and overrides/ into a new folder; return it.
def copy_site(destination: Path) -> Path:
    destination = Path(destination)
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination
