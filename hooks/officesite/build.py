"""What every hook of one build shares, made once per build: the languages, the interface
strings, the criteria and the news.

MkDocs calls each hook's `on_config` when a build starts; static-i18n then builds every other
language inside that build's `on_post_build`, with the same configuration object, and every
hook's `on_config` runs again. hooks/site.py starts a `SiteBuild` on the first of these calls
only (`starts_build`); every hook reads it with `site_build(config)`, in whichever language's
run, whichever language static-i18n builds first. What static-i18n does is known here only.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from officesite.criteria.metadata import Criteria
from officesite.criteria.site import criteria_signature, read_site_criteria
from officesite.languages import I18N_PLUGIN, Languages, languages_of_config
from officesite.news.pages import (
    SiteNews,
    held_back_line,
    read_site_news,
    site_news_signature,
)
from officesite.strings import (
    UI_STRINGS_FILE,
    load_ui_strings,
    missing_strings_line,
    strings_of_languages,
)

# INFO, not WARNING: `mkdocs build --strict` fails on warnings, and both lines are normal.
log = logging.getLogger("mkdocs.hooks.site")


@dataclass(frozen=True)
class SiteBuild:
    config: object  # the configuration of this build: its identity ties every hook to it
    languages: Languages
    strings: dict  # language -> key -> text, for every built language
    criteria: Criteria
    criteria_signature: tuple  # what the criteria were read from (reused while unchanged)
    news: SiteNews


_current: SiteBuild | None = None


# Whether this on_config starts a build, rather than static-i18n's run of another language
# (it sets `building` while it runs them, inside the first language's on_post_build).
def starts_build(config) -> bool:
    return not config.plugins[I18N_PLUGIN].building


# Whether every language is built: true in the on_post_build of the first language's run, once
# static-i18n's own on_post_build (priority -100) has run the others and merged the search index.
def every_language_built(config) -> bool:
    return not config.plugins[I18N_PLUGIN].building


# The language of the run being built: static-i18n sets Material's language for each run.
# Read it in events after on_config (a hook's on_config runs before static-i18n's).
def run_language(config) -> str:
    return config.theme["language"]


# Start the shared state of a new build; criteria and news unchanged since the previous build
# (`mkdocs serve` rebuilds in one process) are reused, not read again.
def start_build(config) -> SiteBuild:
    global _current
    previous = _current
    languages = languages_of_config(config)
    strings, missing = strings_of_languages(load_ui_strings(UI_STRINGS_FILE), languages)
    if missing:
        log.info(missing_strings_line(missing, languages))
    folder = Path(config.docs_dir)
    display_root = Path(config.config_file_path).parent
    signature = criteria_signature(folder, languages)
    if previous is not None and previous.criteria_signature == signature:
        criteria = previous.criteria
    else:
        criteria = read_site_criteria(folder, languages, display_root)
    news_signature = site_news_signature(folder, languages)
    if previous is not None and previous.news.signature == news_signature and previous.strings == strings:
        news = previous.news
    else:
        news = read_site_news(folder, languages, strings, display_root, news_signature)
    if news.news.held:
        log.info(held_back_line(news.news.held))
    _current = SiteBuild(config, languages, strings, criteria, signature, news)
    return _current


# The shared state of the build this configuration belongs to.
def site_build(config) -> SiteBuild:
    if _current is None or _current.config is not config:
        raise PluginError("officesite: no build started for this configuration: list hooks/site.py first under `hooks:` in mkdocs.yml")
    return _current
