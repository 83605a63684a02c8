"""The office facts file (docs/office.yml) of the project or of a copy of it: read, and changed
as the office would change it."""

from pathlib import Path

import yaml
from officesite.office import OFFICE_FILE
from site_files import ROOT


def office_path(project: Path = ROOT) -> Path:
    return Path(project) / "docs" / OFFICE_FILE


def read_office(project: Path = ROOT) -> dict:
    return yaml.safe_load(office_path(project).read_text(encoding="utf-8"))


# Set facts of a project's office file ({"phone": "…"}, {"address": {"th": …}}), the others kept.
def set_office_facts(project: Path, **facts) -> None:
    data = read_office(project) | facts
    office_path(project).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
