"""The validated PMQA criteria of the site being built, shared by the hooks that use them.

Imported as a module by criteria_pages.py and calculator_page.py, so both see one cache:
the metadata is read once per change of its files, not once per hook and language.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from officesite.criteria.metadata import (
    CATEGORY_GLOB,
    LEVELS_FILE,
    CriteriaError,
    load_criteria,
)
from officesite.languages import site_languages

CRITERIA_FOLDER = "pmqa"

_cache: dict = {}


# The site's criteria, validated; a PluginError listing every problem when they are not.
def site_criteria(config):
    folder = Path(config.docs_dir) / CRITERIA_FOLDER
    languages = site_languages(config)
    files = sorted(folder.glob(CATEGORY_GLOB)) + [folder / LEVELS_FILE]
    signature = (languages, tuple((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files))
    if _cache.get("signature") != signature:
        try:
            _cache["criteria"] = load_criteria(folder, languages, display_root=Path(config.config_file_path).parent)
        except CriteriaError as error:
            raise PluginError(f"PMQA criteria metadata has {len(error.problems)} problem(s):\n{error}") from None
        _cache["signature"] = signature
    return _cache["criteria"]
