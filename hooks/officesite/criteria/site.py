"""The validated PMQA criteria of the site being built, read once per build (officesite.build)."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from officesite.criteria.metadata import (
    CATEGORY_GLOB,
    LEVELS_FILE,
    CriteriaError,
    load_criteria,
)

CRITERIA_FOLDER = "pmqa"


# The site's criteria under docs/, validated; a PluginError listing every problem when they are not.
def read_site_criteria(docs_dir: Path, languages, display_root: Path):
    try:
        return load_criteria(Path(docs_dir) / CRITERIA_FOLDER, languages, display_root=display_root)
    except CriteriaError as error:
        raise PluginError(f"PMQA criteria metadata has {len(error.problems)} problem(s):\n{error}") from None


# What the criteria are read from: changes when a criteria file or the languages change.
def criteria_signature(docs_dir: Path, languages) -> tuple:
    folder = Path(docs_dir) / CRITERIA_FOLDER
    files = sorted(folder.glob(CATEGORY_GLOB)) + [folder / LEVELS_FILE]
    return (languages, tuple((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files))
