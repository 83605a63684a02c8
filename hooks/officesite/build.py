"""What every hook of one build shares, made once per build: the languages, the checked
content (interface strings, office facts, pages, criteria, news and its photos) and each concern's state for the build.

MkDocs calls each hook's `on_config` when a build starts; static-i18n then builds every other
language inside that build's `on_post_build`, with the same configuration object, and every
hook's `on_config` runs again. hooks/build_state.py starts a `SiteBuild` on the first of these
calls only (`starts_build`); every hook reads it with `site_build(config)`, in whichever
language's run, whichever language static-i18n builds first. What static-i18n does is known
here only.

Starting a build checks everything the site is made from, and stops it with one line per
problem, all of them at once, grouped by what they are in. What is unchanged since the
previous build (`mkdocs serve` rebuilds in one process) is not read again
(officesite.metadata.cache).
"""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from officesite.configuration import check_configuration
from officesite.criteria.metadata import Criteria
from officesite.criteria.site import site_criteria
from officesite.languages import I18N_PLUGIN, Languages, languages_of_config
from officesite.metadata.problems import MetadataError, Problems
from officesite.news.pages import SiteNews, held_back_line, site_news
from officesite.news.photos import PHOTO_CACHE, NewsPhotos, news_photos, photos_line
from officesite.not_found import NotFoundState
from officesite.office import site_office
from officesite.pages import SitePages, site_pages
from officesite.security.csp import PolicyState
from officesite.security.escaping import EscapingState
from officesite.strings import (
    UI_STRINGS_FILE,
    load_ui_strings,
    missing_strings_line,
    strings_of_languages,
)

# INFO, not WARNING: `mkdocs build --strict` fails on warnings, and both lines are normal.
log = logging.getLogger("mkdocs.hooks.build_state")


@dataclass(frozen=True)
class SiteBuild:
    config: object  # the configuration of this build: its identity ties every hook to it
    languages: Languages
    strings: dict  # language -> key -> text, for every built language
    office: dict  # the office facts of docs/office.yml (officesite.office)
    pages: SitePages
    criteria: Criteria
    news: SiteNews
    photos: NewsPhotos
    # Each concern's state during the build, new with every build.
    policy: PolicyState = field(default_factory=PolicyState)
    escaping: EscapingState = field(default_factory=EscapingState)
    not_found: NotFoundState = field(default_factory=NotFoundState)
    # language -> what frames its pages (officesite.chrome): the same for every page of its run.
    chrome: dict = field(default_factory=dict)


_current: SiteBuild | None = None


# Whether this on_config starts a build, rather than static-i18n's run of another language
# (it sets `building` while it runs them, inside the first language's on_post_build).
def starts_build(config) -> bool:
    return not config.plugins[I18N_PLUGIN].building


# Whether every language is built: true in the on_post_build of the first language's run, once
# static-i18n's own on_post_build (priority -100) has run the others.
def every_language_built(config) -> bool:
    return not config.plugins[I18N_PLUGIN].building


# The language of the run being built: static-i18n sets Material's language for each run.
# Read it in events after on_config (a hook's on_config runs before static-i18n's).
def run_language(config) -> str:
    return config.theme["language"]


# Start the shared state of a new build, its content checked; a PluginError listing every
# problem when it cannot be built.
def start_build(config) -> SiteBuild:
    global _current
    languages = languages_of_config(config)
    docs_dir, root = Path(config.docs_dir), Path(config.config_file_path).parent
    report = _Report()
    configuration = Problems()
    check_configuration(config, languages, configuration)
    report.add("The configuration has", configuration.lines)
    strings = report.collect("The interface strings have", lambda: _strings(languages))
    office = report.collect("The office facts have", lambda: site_office(docs_dir, languages, root))
    excluded = config.exclude_docs.match_file if config.exclude_docs else lambda relative: False
    pages = report.collect("Pages have", lambda: site_pages(docs_dir, languages, root, excluded))
    criteria = report.collect("PMQA criteria metadata has", lambda: site_criteria(docs_dir, languages, root))
    news = report.collect("News posts have", lambda: site_news(docs_dir, languages, strings, root)) if strings else None
    photos = report.collect("News photos have", lambda: news_photos(news.news, docs_dir, root / PHOTO_CACHE, root)) if news else None
    report.raise_if_any()
    if news.news.held:
        log.info(held_back_line(news.news.held))
    if photos.posts:
        log.info(photos_line(photos))
    _current = SiteBuild(config, languages, strings, office, pages, criteria, news, photos)
    return _current


def _strings(languages) -> dict:
    strings, missing = strings_of_languages(load_ui_strings(UI_STRINGS_FILE, languages), languages)
    if missing:
        log.info(missing_strings_line(missing, languages))
    return strings


# The shared state of the build this configuration belongs to.
def site_build(config) -> SiteBuild:
    if _current is None or _current.config is not config:
        raise PluginError("officesite: no build started for this configuration: list hooks/build_state.py first under `hooks:` in mkdocs.yml")
    return _current


class _Report:
    """The problems of a starting build, grouped by what they are in."""

    def __init__(self):
        self.groups: list[tuple[str, list[str]]] = []

    def add(self, title: str, lines: list[str]) -> None:
        if lines:
            self.groups.append((title, lines))

    # What `make()` makes; None, its problems kept, when it raises MetadataError.
    def collect(self, title: str, make):
        try:
            return make()
        except MetadataError as error:
            self.add(title, error.problems)
            return None

    def raise_if_any(self) -> None:
        if self.groups:
            raise PluginError("\n".join(f"{title} {len(lines)} problem(s):\n" + "\n".join(lines) for title, lines in self.groups))
