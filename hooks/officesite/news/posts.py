"""Office news posts: read and validate their front matter, order them, page them.
Plain Python, no MkDocs.

A post is `docs/news/<year>/<slug>.md` (Thai) and `docs/news/<year>/<slug>.en.md` (English);
the file name is the post's ASCII slug and its URL is `news/<year>/<slug>/`. Front matter:
  title        text, required
  date         YYYY-MM-DD (Gregorian), required, in the year of its folder, the same in both languages
  description  text, required: the summary in listings, feeds and search results
  category     optional: an id from docs/news/categories.yml
  tags         optional: a list of texts
  image        optional: {src: path of a file under docs/, alt: text}
  draft        optional: true keeps the post off the site until removed
A post dated after the build date (Thailand) is scheduled: held back like a draft until a
build on or after its date. Files are read as every metadata file is (metadata_problems.py);
every problem is one line `file: field: expected …, got …`.
"""

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from officesite.dates import BUDDHIST_ERA_OFFSET
from officesite.languages import Languages
from officesite.metadata import (
    MetadataError,
    decode_text,
    front_matter_of,
    kind_of,
    parse_yaml,
    printable,
    read_text,
    read_yaml_file,
    shown_path,
    text_problem,
)

NEWS_FOLDER = "news"
CATEGORIES_FILE = "categories.yml"
# The listing pages written by hand, directly in docs/news/ (with their translations).
LISTING_PAGE_NAMES = ("index", "archive")
PAGE_SIZE = 10
# Listings paged PAGE_SIZE at a time; a year's archive is one page, however many posts.
PAGED_KINDS = {"index", "category"}
# Matched whole (fullmatch): "$" would let a trailing newline through.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# news/<year>/index.md would be built as the page news/<year>/ itself, not as a post. Listings
# live at news/page/, news/archive/ and news/category/, outside the year folders.
RESERVED_SLUGS = {"index"}
YEAR_FOLDER = re.compile(r"\d{4}")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Other ways authors write a date: 2561-7-18, and the Thai day/month/year 18/07/2561 (or with
# dots or hyphens). Recognised to say which date to write, never accepted.
OTHER_DATE_FORMS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"), (3, 2, 1)),
)
# What an image may be: a file the site publishes and browsers show as a picture.
IMAGE_SUFFIXES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")
# A year above this is a Buddhist Era year (Gregorian + 543), what Thai authors write by habit.
LAST_GREGORIAN_YEAR = 2400
POST_FIELDS = {"title", "date", "description", "category", "tags", "image", "draft"}
IMAGE_FIELDS = {"src", "alt"}
# Posts are published on days in Thailand; the build's "today" is taken there.
THAILAND = datetime.timezone(datetime.timedelta(hours=7))
BUILD_DATE_VARIABLE = "SITE_BUILD_DATE"  # YYYY-MM-DD: build as if on that day (tests, previews)


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
    source: str = ""  # the file as messages name it
    src_uri: str = ""  # the file under docs/, as MkDocs names it
    draft: bool = False

    @property
    def path(self) -> str:
        """Site path of the post in its own folder, without a language prefix."""
        return f"{NEWS_FOLDER}/{self.date.year}/{self.slug}/"


@dataclass(frozen=True)
class HeldPost:
    """A valid post kept off this build: a draft, or scheduled for a later day."""

    source: str
    reason: str  # "draft" or "scheduled for YYYY-MM-DD"
    src_uris: tuple[str, ...]  # its files in every language


@dataclass
class News:
    categories: dict  # id -> {lang: name}
    posts: dict = field(default_factory=dict)  # lang -> [Post], newest first (fallbacks included), published only
    held: list = field(default_factory=list)  # [HeldPost]

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
# Posts dated after `today`, and drafts, are validated but held back (News.held).
# `pending` holds files not yet written ({path under news_dir: text}): scripts/new_news.py
# checks what it would write with exactly the build's rules.
def load_news(news_dir: Path, languages: Languages, display_root: Path | None = None, today: datetime.date | None = None, pending: dict | None = None) -> News:
    news_dir = Path(news_dir)
    pending = pending or {}
    shown = lambda relative: shown_path(news_dir / relative, display_root)  # noqa: E731
    problems: list[str] = []
    categories = _read_categories(news_dir / CATEGORIES_FILE, languages, shown(CATEGORIES_FILE), problems)
    by_slug: dict[str, dict[str, Post]] = {}  # the valid posts
    files_by_slug: dict[str, dict[str, str]] = {}  # every post file: slug -> {lang: relative path}
    bad_folders: set[str] = set()
    for relative, is_folder in _markdown_entries(news_dir, pending):
        where, parts = shown(relative), relative.split("/")
        if is_folder:
            problems.append(f"{where}: file: expected a Markdown file, got a folder (rename or remove it)")
            continue
        if len(parts) == 1 and (languages.of_file(parts[0]) or (None, None))[1] in LISTING_PAGE_NAMES:
            continue
        problem = _place_problem(parts)
        if problem:
            if len(parts) != 2:
                problems.append(f"{where}: folder: {problem}")
                continue
            if parts[0] not in bad_folders:  # one line per folder, however many posts it holds
                problems.append(f"{shown(parts[0])}: folder name: {problem}")
                bad_folders.add(parts[0])
            if not _is_buddhist_era_year(parts[0]):
                continue  # the posts of a Buddhist Era folder are checked all the same
        folder_year = _gregorian_year(int(parts[0]))
        lang, slug = languages.of_file(parts[1]) or (None, None)
        if lang is None:
            problems.append(f"{where}: file name: expected <slug>.md or <slug>.<{'|'.join(languages.others)}>.md, got {printable(parts[1])}")
            continue
        problem = slug_problem(slug)
        if problem:
            problems.append(f"{where}: slug: {problem}")
            continue
        versions = files_by_slug.setdefault(slug, {})
        # the earlier file of this slug in another folder, its default-language file first
        other = next((path for _, path in sorted(versions.items(), key=lambda v: v[0] != languages.default) if path.split("/")[0] != parts[0]), None)
        if other is not None:
            problems.append(f"{where}: slug: \"{slug}\" is already used by {shown(other)}")
            continue
        versions[lang] = relative
        try:
            meta = _front_matter(news_dir, relative, where, pending)
        except MetadataError as error:
            problems += error.problems
            continue
        post = _read_post(meta, where, slug, lang, folder_year, categories, news_dir.parent, f"{NEWS_FOLDER}/{relative}", problems)
        if post is not None:
            by_slug.setdefault(slug, {})[lang] = post
    problems += _untranslated_originals(files_by_slug, languages, shown)
    problems += _language_disagreements(by_slug, languages)
    if problems:
        raise NewsError(problems)
    return _published(News(categories), by_slug, languages, today)


# The front matter of a post file, or of the text about to be written there (None without one).
def _front_matter(news_dir: Path, relative: str, where: str, pending: dict):
    text = decode_text(pending[relative].encode("utf-8"), where) if relative in pending else read_text(news_dir / relative, where)
    source, first_line = front_matter_of(text)
    return None if source is None else parse_yaml(source, where, "front matter", first_line)


# The news as a build on `today` publishes it: drafts and later posts held back.
def _published(news: News, by_slug, languages, today) -> News:
    published = {}
    for slug, versions in sorted(by_slug.items()):
        reference = versions[languages.default]
        reason = "draft" if reference.draft else (f"scheduled for {reference.date.isoformat()}" if today and reference.date > today else None)
        if reason:
            news.held.append(HeldPost(reference.source, reason, tuple(post.src_uri for post in versions.values())))
        else:
            published[slug] = versions
    for lang in languages.codes:
        posts = [versions.get(lang) or versions[languages.default] for versions in published.values()]
        news.posts[lang] = sorted(posts, key=lambda post: (post.date, post.slug), reverse=True)
    return news


# The day this build publishes for: SITE_BUILD_DATE when set, else today in Thailand.
def build_date(environ=os.environ) -> datetime.date:
    value = environ.get(BUILD_DATE_VARIABLE, "").strip()
    if not value:
        return datetime.datetime.now(THAILAND).date()
    date, problem = read_date(value)
    if problem:
        raise NewsError([f"environment: {BUILD_DATE_VARIABLE}: {problem}"])
    return date


# A cheap signature of the news folder: changes when any post is added, removed or edited.
def news_signature(news_dir: Path) -> tuple:
    news_dir = Path(news_dir)
    signature = [(relative, is_folder, os.stat(news_dir / relative).st_mtime_ns) for relative, is_folder in _markdown_entries(news_dir)]
    categories = news_dir / CATEGORIES_FILE
    signature.append(categories.stat().st_mtime_ns if categories.exists() else 0)
    return tuple(signature)


# Every Markdown file (and folder named *.md) under news/, as (path under news/, is a folder).
def _markdown_entries(news_dir: Path, pending: dict | None = None) -> list[tuple[str, bool]]:
    entries = {relative: False for relative in pending or {}}
    if news_dir.is_dir():
        for folder, folders, files in os.walk(news_dir):
            base = Path(folder).relative_to(news_dir)
            for name in folders:
                if name.endswith(".md"):
                    entries[(base / name).as_posix()] = True
            folders[:] = [name for name in folders if not name.endswith(".md")]  # named once, not entered
            for name in files:
                if name.endswith(".md"):
                    entries.setdefault((base / name).as_posix(), False)
    return sorted(entries.items())


# What is wrong with where a post file lies (parts of its path under news/), or None.
def _place_problem(parts: list[str]) -> str | None:
    name = printable(parts[-1])
    if len(parts) == 1:
        return f"expected a post in the folder of its year (news/<year>/{name}), got it directly in news/"
    if len(parts) > 2:
        return f"expected a post directly in a year folder (news/<year>/{name}), got it in news/{printable('/'.join(parts[:-1]))}/"
    if _is_buddhist_era_year(parts[0]):
        return f"{parts[0]} is a Buddhist Era year: name the folder {int(parts[0]) - BUDDHIST_ERA_OFFSET}"
    if not YEAR_FOLDER.fullmatch(parts[0]):
        return f"expected a four-digit year such as 2018, got \"{printable(parts[0])}\""
    return None


def _is_buddhist_era_year(folder: str) -> bool:
    return bool(YEAR_FOLDER.fullmatch(folder)) and int(folder) > LAST_GREGORIAN_YEAR


def _gregorian_year(year: int) -> int:
    return year - BUDDHIST_ERA_OFFSET if year > LAST_GREGORIAN_YEAR else year


# What is wrong with a slug ("expected …, got …"), or None.
def slug_problem(slug: str) -> str | None:
    if not SLUG.fullmatch(slug):
        return f"expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got \"{printable(slug)}\""
    if slug in RESERVED_SLUGS:
        return f"expected a name of the post's own, got \"{slug}\", which is reserved for listing pages"
    return None


# The categories by id; None when the file cannot be read, so that no post is blamed for it.
def _read_categories(path: Path, languages, where, problems) -> dict | None:
    if not path.exists():
        return {}
    try:
        data = read_yaml_file(path, where)
    except MetadataError as error:
        problems += error.problems
        return None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{where}: file: expected a mapping of category id to names, got {kind_of(data)}")
        return None
    categories = {}  # an id with wrong names is still known: its posts are not blamed for it
    for category_id, names in data.items():
        if not isinstance(category_id, str) or not SLUG.fullmatch(category_id):
            problems.append(f"{where}: {printable(str(category_id))}: expected an ASCII id such as activities")
            continue
        if not isinstance(names, dict):
            problems.append(f"{where}: {category_id}: expected a name per language, e.g. {{th: …, en: …}}, got {kind_of(names)}")
            names = {}
        else:
            problems += [f"{where}: {category_id}.{lang}: {text_problem(names.get(lang))}" for lang in languages.codes if text_problem(names.get(lang))]
        categories[category_id] = {lang: names[lang].strip() for lang in languages.codes if not text_problem(names.get(lang))}
    return categories


def _read_post(meta, where, slug, lang, folder_year, categories, docs_dir, src_uri, problems) -> Post | None:
    if not isinstance(meta, dict) or not meta:
        problems.append(f"{where}: front matter: expected title, date and description between --- lines, got {'none' if not meta else kind_of(meta)}")
        return None
    start = len(problems)
    problems += [f"{where}: {printable(str(key))}: unknown field (known: {', '.join(sorted(POST_FIELDS))})" for key in meta if key not in POST_FIELDS]
    for key in ("title", "description"):
        problem = text_problem(meta.get(key))
        if problem:
            problems.append(f"{where}: {key}: {problem}")
    date, problem = read_date(meta.get("date"))
    if problem:
        problems.append(f"{where}: date: {problem}")
    elif date.year != folder_year:
        problems.append(f"{where}: date: expected a date in {folder_year} (the post's folder), got {date.isoformat()}")
    category = meta.get("category")
    if category is not None and categories is not None and (not isinstance(category, str) or category not in categories):
        known = ", ".join(categories) or "none defined"
        got = repr(category) if isinstance(category, str) else kind_of(category)
        problems.append(f"{where}: category: expected an id from categories.yml ({known}), got {got}")
    tags = meta.get("tags", ())
    if not isinstance(tags, (list, tuple)) or tags == []:
        problems.append(f"{where}: tags: expected a list of texts, e.g. [PMQA 4.0], got {kind_of(tags)}")
    else:
        problems += [f"{where}: tags[{index}]: {text_problem(tag)}" for index, tag in enumerate(tags) if text_problem(tag)]
    image = meta.get("image")
    if image is not None:
        problems += [f"{where}: image{suffix}: {problem}" for suffix, problem in image_problems(image, docs_dir)]
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(f"{where}: draft: expected true or false, got {kind_of(draft)}")
    if len(problems) > start:
        return None
    image = {"src": image["src"].strip(), "alt": image["alt"].strip()} if image else None
    tags = tuple(tag.strip() for tag in tags)
    return Post(slug, date, meta["title"].strip(), meta["description"].strip(), lang, category, tags, image, where, src_uri, draft)


# A date written YYYY-MM-DD, as (date, None), or (None, "expected …, got …").
def read_date(value) -> tuple[datetime.date | None, str | None]:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        value = value.isoformat()  # an explicit !!timestamp: checked like text
    text = value.strip() if isinstance(value, str) else None
    shown = "nothing" if value is None else printable(repr(value))
    expected = f"expected a date such as 2018-07-18, got {shown}"
    match = ISO_DATE.fullmatch(text) if text else None
    if match:
        date = _date_of(*map(int, match.groups()))
        if date is None:
            return None, expected
        if int(match.group(1)) > LAST_GREGORIAN_YEAR:
            return None, f"{text} is a Buddhist Era year: write {date.isoformat()}"
        return date, None
    for form, (year, month, day) in OTHER_DATE_FORMS:
        match = form.fullmatch(text) if text else None
        date = match and _date_of(int(match.group(year)), int(match.group(month)), int(match.group(day)))
        if date:
            if int(match.group(year)) > LAST_GREGORIAN_YEAR:
                return None, f"{text} is a Buddhist Era year: write {date.isoformat()}"
            return None, f"{expected}: write {date.isoformat()}"
    return None, expected


# The Gregorian date of a year (Buddhist Era years counted back), month and day; None if there is none.
def _date_of(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(_gregorian_year(year), month, day)
    except ValueError:
        return None


# What is wrong with a post's image: [(field suffix, "expected …, got …")].
def image_problems(image, docs_dir: Path) -> list[tuple[str, str]]:
    if not isinstance(image, dict):
        return [("", f"expected {{src: path of a file under docs/, alt: text describing the image}}, got {kind_of(image)}")]
    problems = [(f".{printable(str(key))}", f"unknown field (known: {', '.join(sorted(IMAGE_FIELDS))})") for key in image if key not in IMAGE_FIELDS]
    alt = text_problem(image.get("alt"))
    if alt:
        problems.append((".alt", alt))
    src = image.get("src")
    problem = text_problem(src) or image_src_problem(src.strip(), Path(docs_dir))
    if problem:
        problems.append((".src", problem))
    return problems


# An image must be a file of the site: the page links it and the feeds make it absolute.
def image_src_problem(src: str, docs_dir: Path) -> str | None:
    expected = "expected the path of a file under docs/, e.g. assets/images/news/clean-river-day.jpg"
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("//"):
        return f"{expected}, got an address on another site \"{printable(src)}\" (copy the image into docs/)"
    if src.startswith("/") or "\\" in src or ".." in PurePosixPath(src).parts:
        return f"{expected}, got \"{printable(src)}\""
    if not src.lower().endswith(IMAGE_SUFFIXES) or any(part.startswith(".") for part in PurePosixPath(src).parts):
        return f"{expected}, got \"{printable(src)}\", which is not an image ({', '.join(IMAGE_SUFFIXES)})"
    if not (docs_dir / src).is_file():
        return f"{expected}, got \"{printable(src)}\", which does not exist"
    return None


# A post needs its file in the default language: an English file alone is never listed.
def _untranslated_originals(files_by_slug, languages, shown) -> list[str]:
    problems = []
    default = languages.default
    for slug, versions in files_by_slug.items():
        if default in versions:
            continue
        for lang, relative in sorted(versions.items()):
            original = shown(relative.rsplit("/", 1)[0] + "/" + languages.file_name(slug, default))
            problems.append(f"{shown(relative)}: file: expected the {languages.english_name(default)} post {original} beside it, found none")
    return problems


# A post's translations must agree on the date, the category and whether it is a draft.
def _language_disagreements(by_slug, languages) -> list[str]:
    problems = []
    for versions in by_slug.values():
        reference = versions.get(languages.default)
        for lang in languages.others:
            other = versions.get(lang)
            if reference is None or other is None:
                continue
            for key in ("date", "category", "draft"):
                if getattr(other, key) != getattr(reference, key):
                    expected, got = (str(getattr(post, key)).lower() if key == "draft" else getattr(post, key) for post in (reference, other))
                    problems.append(f"{other.source}: {key}: expected {expected} as in {reference.source}, got {got}")
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
