"""Reading a built site: its pages, their parsed HTML, and how URLs map to files."""

from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from officesite.cms.admin import ADMIN_FOLDER
from officesite.languages import Languages, languages_of_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
# The project's languages, default first, from mkdocs.yml: what every test asks about languages.
LANGUAGES = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
# Its default language (Thai) and the other one (English), for tests that check a language's
# own texts ("18 กรกฎาคม 2561", "18 July 2018"): they name it by its place in mkdocs.yml.
DEFAULT, OTHER = LANGUAGES.default, LANGUAGES.others[0]
BUILD_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url when SITE_URL is unset


class BuiltSite:
    def __init__(self, root: Path, site_url: str = BUILD_SITE_URL, languages: Languages = LANGUAGES):
        self.root = Path(root)
        self.site_url = site_url
        self.languages = languages

    def language_of(self, site_path: str) -> str:
        return self.languages.of_path(site_path)

    @cached_property
    def html_files(self) -> list[Path]:
        """The site's HTML files, not the web editor's page (/admin/: tests/test_browser_cms.py)."""
        return sorted(path for path in self.root.rglob("*.html") if path.relative_to(self.root).parts[0] != ADMIN_FOLDER)

    @cached_property
    def pages(self) -> list[str]:
        """Site paths of the content pages (not the 404 pages), e.g. '', 'about/', 'en/about/'."""
        return [self.url_of(path) for path in self.html_files if path.name == "index.html"]

    def url_of(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return relative[: -len("index.html")] if relative.endswith("index.html") else relative

    def soup(self, site_path: str) -> BeautifulSoup:
        return _parse(self.file_for(site_path))

    def file_for(self, site_path: str) -> Path | None:
        """The file a server would answer for a site path, or None."""
        target = self.root / unquote(site_path.lstrip("/"))
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def resolve(self, page_path: str, reference: str) -> tuple[str, str] | None:
        """(site path, fragment) of a reference made on a page, or None if it leaves the site."""
        absolute = urljoin(self.site_url + page_path, reference)
        parts = urlsplit(absolute)
        if not absolute.startswith(self.site_url) or parts.scheme not in ("http", "https"):
            return None
        return parts.path.lstrip("/"), unquote(parts.fragment)

    def ids(self, site_path: str) -> set[str]:
        soup = self.soup(site_path)
        return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


@lru_cache(maxsize=None)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# The language of a page of the project's site, by its path: "<other>/about/" -> other.
def language_of(site_path: str) -> str:
    return LANGUAGES.of_path(site_path)


# An element's text as a reader sees it: whitespace collapsed, nothing stripped from between
# the pieces of text that markup splits it into (Thai words are spans, officesite.thai_breaks).
def shown_text(element) -> str:
    return " ".join(element.get_text().split())
