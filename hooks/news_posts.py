"""Office news posts: read and validate their front matter, order them, page them.
Plain Python, no MkDocs.

A post is `docs/news/<year>/<slug>.md` (Thai) and `docs/news/<year>/<slug>.en.md` (English);
the file name is the post's ASCII slug and its URL is `news/<year>/<slug>/`. Front matter:
  title        text, required
  date         YYYY-MM-DD, required, in the year of its folder, the same in both languages
  description  text, required: the summary in listings, feeds and search results
  category     optional: an id from docs/news/categories.yml
  tags         optional: a list of texts
  image        optional: {src: path under docs/, alt: text}
Every problem is one line `file: field: expected …, got …`.
"""

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from metadata_problems import MetadataError, is_text, kind_of, shown_path

NEWS_FOLDER = "news"
CATEGORIES_FILE = "categories.yml"
PAGE_SIZE = 10
# Listings paged PAGE_SIZE at a time; a year's archive is one page, however many posts.
PAGED_KINDS = {"index", "category"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_FOLDER = re.compile(r"^\d{4}$")
POST_FIELDS = {"title", "date", "description", "category", "tags", "image"}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser: thousands of posts
    """YAML without implicit dates: `date` stays text, so a bad date gets a precise message."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in getattr(yaml, "CSafeLoader", yaml.SafeLoader).yaml_implicit_resolvers.items()
    }


@dataclass(frozen=True)
class Post:
    slug: str
    date: datetime.date
    title: str
    description: str
    lang: str  # the language its text is written in
    category: str | None = None
    tags: tuple[str, ...] = ()
    image: dict | None = None
    source: str = ""

    @property
    def path(self) -> str:
        """Site path of the post in its own folder, without a language prefix."""
        return f"{NEWS_FOLDER}/{self.date.year}/{self.slug}/"


@dataclass
class News:
    categories: dict  # id -> {lang: name}
    posts: dict = field(default_factory=dict)  # lang -> [Post], newest first (fallbacks included)

    def years(self, lang) -> list[int]:
        return sorted({post.date.year for post in self.posts[lang]}, reverse=True)

    def used_categories(self, lang) -> list[str]:
        return [c for c in self.categories if any(post.category == c for post in self.posts[lang])]


class NewsError(MetadataError):
    """The news posts are invalid; `problems` holds one line per problem."""


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


# Read and validate every post under docs/news/; raise NewsError listing every problem.
def load_news(news_dir: Path, languages: tuple[str, ...], display_root: Path | None = None) -> News:
    news_dir = Path(news_dir)
    shown = lambda path: shown_path(path, display_root)  # noqa: E731
    problems: list[str] = []
    categories = _read_categories(news_dir / CATEGORIES_FILE, languages, shown, problems)
    by_slug: dict[str, dict[str, Post]] = {}
    slug_folder: dict[str, str] = {}
    for year_dir, name in _post_files(news_dir):
        path = year_dir / name
        lang, slug = _language_and_slug(name, languages)
        where = shown(path)
        if lang is None:
            problems.append(f"{where}: file name: expected <slug>.md or <slug>.<{'|'.join(languages[1:])}>.md")
            continue
        if not SLUG.match(slug):
            problems.append(f"{where}: slug: expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got \"{slug}\"")
            continue
        if slug in slug_folder and slug_folder[slug] != year_dir.name:
            problems.append(f"{where}: slug: \"{slug}\" is already used by {shown(news_dir / slug_folder[slug] / name)}")
            continue
        slug_folder[slug] = year_dir.name
        post = _read_post(path, where, slug, lang, int(year_dir.name), categories, problems)
        if post is not None:
            by_slug.setdefault(slug, {})[lang] = post
    problems += _language_disagreements(by_slug, languages)
    if problems:
        raise NewsError(problems)
    news = News(categories)
    for lang in languages:
        posts = [versions.get(lang) or versions[languages[0]] for versions in by_slug.values() if languages[0] in versions or lang in versions]
        news.posts[lang] = sorted(posts, key=lambda post: (post.date, post.slug), reverse=True)
    return news


# A cheap signature of the news folder: changes when any post is added, removed or edited.
def news_signature(news_dir: Path) -> tuple:
    signature = []
    for year_dir, name in _post_files(Path(news_dir)):
        signature.append((year_dir.name, name, (year_dir / name).stat().st_mtime_ns))
    categories = Path(news_dir) / CATEGORIES_FILE
    signature.append(categories.stat().st_mtime_ns if categories.exists() else 0)
    return tuple(signature)


def _post_files(news_dir: Path):
    if not news_dir.is_dir():
        return
    for entry in sorted(os.scandir(news_dir), key=lambda e: e.name):
        if entry.is_dir() and YEAR_FOLDER.match(entry.name):
            year_dir = Path(entry.path)
            for name in sorted(os.listdir(year_dir)):
                if name.endswith(".md"):
                    yield year_dir, name


def _language_and_slug(name: str, languages):
    parts = name[: -len(".md")].split(".")
    if len(parts) == 1:
        return languages[0], parts[0]
    if len(parts) == 2 and parts[1] in languages[1:]:
        return parts[1], parts[0]
    return None, None


def _read_categories(path: Path, languages, shown, problems) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as error:
        problems.append(f"{shown(path)}: file: expected valid YAML, got {str(error).splitlines()[0]}")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{shown(path)}: file: expected a mapping of category id to names, got {type(data).__name__}")
        return {}
    categories = {}
    for category_id, names in data.items():
        if not isinstance(category_id, str) or not SLUG.match(category_id):
            problems.append(f"{shown(path)}: {category_id}: expected an ASCII id such as activities")
        elif not isinstance(names, dict) or not all(is_text(names.get(lang)) for lang in languages):
            problems.append(f"{shown(path)}: {category_id}: expected a name per language, e.g. {{th: …, en: …}}, got {names!r}")
        else:
            categories[category_id] = {lang: names[lang] for lang in languages}
    return categories


def _read_post(path, where, slug, lang, folder_year, categories, problems) -> Post | None:
    match = YAML_RE.match(path.read_text(encoding="utf-8"))
    try:
        meta = yaml.load(match.group(1), Loader=_Loader) if match else None
    except yaml.YAMLError as error:
        problems.append(f"{where}: front matter: expected valid YAML, got {str(error).splitlines()[0]}")
        return None
    if not isinstance(meta, dict):
        problems.append(f"{where}: front matter: expected title, date and description between --- lines, got none")
        return None
    start = len(problems)
    problems += [f"{where}: {key}: unknown field (known: {', '.join(sorted(POST_FIELDS))})" for key in meta if key not in POST_FIELDS]
    for key in ("title", "description"):
        if not is_text(meta.get(key)):
            problems.append(f"{where}: {key}: expected text, got {kind_of(meta.get(key))}")
    date = _read_date(meta.get("date"), where, problems)
    if date is not None and date.year != folder_year:
        problems.append(f"{where}: date: expected a date in {folder_year} (the post's folder), got {date.isoformat()}")
    category = meta.get("category")
    if category is not None and category not in categories:
        known = ", ".join(categories) or "none defined"
        problems.append(f"{where}: category: expected an id from categories.yml ({known}), got {category!r}")
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(is_text(tag) for tag in tags):
        problems.append(f"{where}: tags: expected a list of texts, got {tags!r}")
    image = meta.get("image")
    if image is not None and not (isinstance(image, dict) and is_text(image.get("src")) and is_text(image.get("alt"))):
        problems.append(f"{where}: image: expected {{src: path, alt: text describing the image}}, got {image!r}")
    if len(problems) > start:
        return None
    return Post(slug, date, meta["title"].strip(), meta["description"].strip(), lang, category, tuple(tags), image, where)


def _read_date(value, where, problems) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    shown = "nothing" if value is None else repr(value)
    problems.append(f"{where}: date: expected a date such as 2018-07-18, got {shown}")
    return None


# A post's translations must agree on the date and category.
def _language_disagreements(by_slug, languages) -> list[str]:
    problems = []
    for versions in by_slug.values():
        reference = versions.get(languages[0])
        for lang in languages[1:]:
            other = versions.get(lang)
            if reference is None or other is None:
                continue
            for key in ("date", "category"):
                if getattr(other, key) != getattr(reference, key):
                    problems.append(
                        f"{other.source}: {key}: expected {getattr(reference, key)} as in {reference.source}, got {getattr(other, key)}"
                    )
    return problems


# -----------------------------------------------------------------------------
# Listings
# -----------------------------------------------------------------------------


# Every listing page of a language: (kind, key, page number, site path without language prefix).
def listing_pages(news: News, lang: str) -> list[tuple[str, object, int, str]]:
    pages = []
    listings = [("index", None, news.posts[lang])]
    listings += [("year", year, [p for p in news.posts[lang] if p.date.year == year]) for year in news.years(lang)]
    listings += [("category", c, [p for p in news.posts[lang] if p.category == c]) for c in news.used_categories(lang)]
    for kind, key, posts in listings:
        for number in range(1, listing_page_count(kind, len(posts)) + 1):
            pages.append((kind, key, number, listing_path(kind, key, number)))
    return pages


def listing_page_count(kind: str, total: int) -> int:
    return page_count(total) if kind in PAGED_KINDS else 1


# Site path of one page of a listing.
def listing_path(kind: str, key, number: int = 1) -> str:
    base = {"index": f"{NEWS_FOLDER}/", "year": f"{NEWS_FOLDER}/archive/{key}/", "category": f"{NEWS_FOLDER}/category/{key}/"}[kind]
    return base if number == 1 else f"{base}page/{number}/"


# The posts of a listing, in order.
def listing_posts(news: News, lang: str, kind: str, key) -> list[Post]:
    posts = news.posts[lang]
    if kind == "year":
        return [p for p in posts if p.date.year == key]
    if kind == "category":
        return [p for p in posts if p.category == key]
    return posts


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


# The page numbers to link from page `current` of `total`: first, last and a window around
# the current page; None marks a gap.
def page_numbers(current: int, total: int, window: int = 2) -> list[int | None]:
    shown = sorted({1, total, *range(max(1, current - window), min(total, current + window) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
