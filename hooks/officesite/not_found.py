"""One 404 page per language, each carrying every language's text.

Every language's run writes its 404.html to the site root (a theme template, not a page), so
the language built last would win. Here each run copies its page to its language's folder
(`/<code>/404.html`, the default's at the root), and the root page is put back from the
default language's whenever another language's run overwrote it: right whichever language
static-i18n builds first.
"""

from dataclasses import dataclass
from pathlib import Path

from officesite.criteria.site import CRITERIA_FOLDER
from officesite.news.posts import listing_path

NOT_FOUND_PAGE = "404.html"


@dataclass
class NotFoundState:
    """The root language's 404 page once its run is done, during one build (officesite.build)."""

    root_page: bytes | None = None


# Where a lost reader may go, besides home: (interface string, site path in the language).
# The search is the home page's, opened on `?q=` (docs/assets/javascripts/search.js).
WAYS_ON = (
    ("not_found_news", listing_path("index", None)),
    ("not_found_pmqa", f"{CRITERIA_FOLDER}/"),
    ("not_found_search", "?q="),
)


# What the 404 template shows: each language's title, text, link home and ways on (default
# first). Links are absolute paths: a 404 page is served at any depth.
def not_found_context(languages, strings) -> dict:
    sections = [
        {
            "lang": lang,
            "strings": strings[lang],
            "home": languages.root_path(languages.prefix(lang)),
            "ways": [{"text": strings[lang][key], "href": languages.root_path(languages.path(path, lang))} for key, path in WAYS_ON],
        }
        for lang in languages.built
    ]
    return {"not_found_sections": sections, "not_found_title": " / ".join(strings[lang]["not_found_title"] for lang in languages.built)}


# After a language's run: its 404 page in its folder, and the root language's at the root.
# `kept` holds the root language's page once its run is done; returns it.
def place_404(site_dir: Path, lang: str, languages, kept: bytes | None) -> bytes | None:
    root_page = Path(site_dir) / NOT_FOUND_PAGE
    if lang == languages.root:
        return root_page.read_bytes()
    language_page = Path(site_dir) / languages.prefix(lang) / NOT_FOUND_PAGE
    language_page.parent.mkdir(parents=True, exist_ok=True)
    root_page.replace(language_page)
    if kept is not None:
        root_page.write_bytes(kept)
    return kept
