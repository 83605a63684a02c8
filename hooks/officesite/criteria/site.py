"""The validated PMQA criteria of the site being built: read once, then reused while their
files are unchanged (officesite.metadata.cache)."""

from pathlib import Path

from officesite.criteria.metadata import Criteria, criteria_inputs, load_criteria
from officesite.metadata.cache import FILES

CRITERIA_FOLDER = "pmqa"


# The site's criteria under docs/, validated; CriteriaError listing every problem when they are not.
def site_criteria(docs_dir: Path, languages, display_root: Path) -> Criteria:
    folder = Path(docs_dir) / CRITERIA_FOLDER
    inputs = (criteria_inputs(folder, languages), str(display_root))
    return FILES.result("criteria", inputs, lambda: load_criteria(folder, languages, display_root=display_root))
