"""The site's languages: one value answers every language question.

static-i18n's configuration (the `i18n` plugin in mkdocs.yml) is the only place the site's
languages are written down. `Languages` is built from it once per build and says which
language is the default (built at the site root), which others there are (built under
`/<code>/`), how a page's file is named in each language (`about.<code>.md`, every language
with its code: Decap CMS's i18n `multiple_files` names them so), what language
a source file is in and what its twin in another language is called, where each language's
pages live, and the absolute URL of a page.

Facts that belong to one language rather than to the site (how its readers count years) are
kept below, keyed by language code: nothing else in the code names a language.
"""

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from babel.core import Locale, get_global
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

I18N_PLUGIN = "i18n"

# Thai readers count years in the Buddhist Era: the Gregorian year + 543 (Babel has no
# Buddhist calendar). A language not listed counts Gregorian years.
BUDDHIST_ERA_OFFSET = 543
YEAR_OFFSETS = {"th": BUDDHIST_ERA_OFFSET}
# The Unicode calendar (BCP 47 `-u-ca-`) in which a year offset counts: what a browser needs.
CALENDARS = {BUDDHIST_ERA_OFFSET: "buddhist"}


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # the site's languages, the default first
    names: dict = field(default_factory=dict, compare=False)  # code -> the language's own name
    site_url: str = "/"  # the public address, ending in "/"
    # The languages this build writes: all of them, or one (static-i18n's build_only_locale,
    # scripts/serve.sh --lang), which is then built at the site root.
    only: str | None = None

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def built(self) -> tuple[str, ...]:
        return (self.only,) if self.only else self.codes

    # The language built at the site root: the default, or the only one built.
    @property
    def root(self) -> str:
        return self.only or self.default

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    # The language of a Markdown file name and its name without the language:
    # "about.<code>.md" -> (code, "about") for any language, the default's included; "about.md",
    # a page as mkdocs.yml's nav and links name it (static-i18n finds its file), -> (the
    # default, "about"); None if neither.
    def of_file(self, name: str) -> tuple[str, str] | None:
        if not name.endswith(".md"):
            return None
        stem = name[: -len(".md")]
        base, dot, code = stem.rpartition(".")
        if not dot:
            return self.default, stem
        if code in self.codes and base and "." not in base:
            return code, base
        return None

    # The file name of a page in a language, every language's with its code: "about" ->
    # "about.<code>.md" (what Decap CMS writes, and what static-i18n reads as that language).
    def file_name(self, stem: str, lang: str) -> str:
        return f"{stem}.{lang}.md"

    # The language of a file under docs/ and the path of its page without the language:
    # "news/2018/x.<other>.md" -> (other, "news/2018/x"); None if it is no page's file.
    def of_src(self, src_uri: str) -> tuple[str, str] | None:
        folder, _, name = src_uri.rpartition("/")
        found = self.of_file(name)
        return found and (found[0], f"{folder}/{found[1]}" if folder else found[1])

    # The file under docs/ of a page in a language: ("news/2018/x", other) -> "news/2018/x.<other>.md".
    def src_uri(self, page: str, lang: str) -> str:
        folder, _, stem = page.rpartition("/")
        return f"{folder}/{self.file_name(stem, lang)}" if folder else self.file_name(stem, lang)

    # The path prefix of a language's pages: "" for the default, "<code>/" for the others.
    def prefix(self, lang: str) -> str:
        return "" if lang == self.root else f"{lang}/"

    # The site path of a page in a language: ("news/", other) -> "<other>/news/".
    def path(self, site_path: str, lang: str) -> str:
        return self.prefix(lang) + site_path.lstrip("/")

    # The language a built site path belongs to: "<other>/about/" -> other, "about/" -> default.
    def of_path(self, site_path: str) -> str:
        first = site_path.lstrip("/").split("/", 1)[0]
        return first if first in self.built and first != self.root else self.root

    # The absolute URL of a site path, from site_url.
    def absolute(self, site_path: str) -> str:
        return self.site_url + site_path.lstrip("/")

    # The URL path of a site path from the server's root, for pages served at any depth (404).
    def root_path(self, site_path: str) -> str:
        return urlsplit(self.site_url).path + site_path.lstrip("/")

    # Open Graph's name of a language with its most likely region: "th" -> "th_TH".
    def open_graph_locale(self, lang: str) -> str:
        return _open_graph_locale(lang)

    # The BCP 47 tag a browser formats the language's numbers and dates with, in the calendar
    # its readers count years in (YEAR_OFFSETS): "th" -> "th-u-ca-buddhist".
    def intl_locale(self, lang: str) -> str:
        calendar = CALENDARS.get(YEAR_OFFSETS.get(lang, 0))
        return f"{lang}-u-ca-{calendar}" if calendar else lang

    # The language's name in English, for build messages: "th" -> "Thai".
    def english_name(self, lang: str) -> str:
        return _locale(lang).english_name


# Babel's look-ups read locale data files: asked on every page, answered once per language.
@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    return Locale.parse(code.replace("-", "_"))


@lru_cache(maxsize=None)
def _open_graph_locale(code: str) -> str:
    locale = _locale(code)
    if locale.territory is None:
        locale = Locale.parse(get_global("likely_subtags").get(locale.language, locale.language))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


# The languages of a loaded MkDocs configuration (static-i18n's plugin in it).
def languages_of_config(config) -> Languages:
    i18n = config.plugins[I18N_PLUGIN].config
    if i18n.build_only_locale:
        # static-i18n has made the only language the default: the files keep the declared one.
        declared = languages_of_mkdocs_yml(Path(config.config_file_path))
        if i18n.build_only_locale != declared.default:
            # Another language alone would miss the pages it takes from the default language's
            # files until they are translated (static-i18n's fallback).
            raise PluginError(
                f"mkdocs.yml: plugins.i18n.build_only_locale: expected {declared.default}, the default language "
                f"(the one the others fall back to), got {i18n.build_only_locale}: build every language to see it"
            )
        return replace(declared, site_url=(config.site_url or "/").rstrip("/") + "/", only=i18n.build_only_locale)
    return _languages(
        [(lang.locale, lang.name, lang.default, lang.build) for lang in i18n.languages],
        config.site_url,
    )


# The languages of a mkdocs.yml file, for scripts and tests that do not run a build.
def languages_of_mkdocs_yml(path: Path) -> Languages:
    config = _read_mkdocs_yml(path)
    return _languages(
        [(lang["locale"], lang.get("name", lang["locale"]), lang.get("default", False), lang.get("build", True)) for lang in _i18n_languages(config)],
        config.get("site_url"),
    )


# A configuration text (e.g. `site_name`) as a language's pages show it, for scripts that read
# mkdocs.yml without building: static-i18n's override for the language, else the text itself.
def config_text_of_mkdocs_yml(path: Path, key: str, lang: str) -> str:
    config = _read_mkdocs_yml(path)
    language = next((entry for entry in _i18n_languages(config) if entry["locale"] == lang), {})
    return language.get(key, config.get(key, ""))


def _read_mkdocs_yml(path: Path) -> dict:
    with open(path, encoding="utf-8") as file:
        return yaml_load(file)


def _i18n_languages(config: dict) -> list[dict]:
    return next(plugin[I18N_PLUGIN] for plugin in config["plugins"] if isinstance(plugin, dict) and I18N_PLUGIN in plugin)["languages"]


def _languages(entries, site_url) -> Languages:
    built = sorted((entry for entry in entries if entry[3]), key=lambda entry: not entry[2])
    return Languages(
        codes=tuple(code for code, _, _, _ in built),
        names={code: name for code, name, _, _ in built},
        site_url=(site_url or "/").rstrip("/") + "/",
    )
