"""Office news posts: read and validate their front matter, order them, page them.
Plain Python, no MkDocs.

A post is `docs/news/<year>/<slug>.<code>.md`, one file per language (officesite.languages
names them); the file name without its language is the post's ASCII slug and its URL is
`news/<year>/<slug>/`. Its front matter is declared in officesite/schema.py
(NEWS_POST): title, date, description, and optionally category (an id from
docs/news/categories.yml), tags, a cover photo, a gallery and draft. Its photos are files in
its photo folder, `docs/news/<year>/<slug>/`, named in the default language's file only
(officesite.news.photos checks and publishes them). The rules here relate a post to its place:
a year folder (Gregorian, the year of its date), a slug no other post has, and a file in the
default language beside any translation, which must agree with it on the SHARED fields (date,
category, draft) and leave the DEFAULT_ONLY ones (the photos) to it. A post dated after the
build date (Thailand) is scheduled: held back like a draft until a build on or after its date.
Every problem is one line `file: field: expected …, got …`.
"""

import datetime
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from officesite.dates import BUDDHIST_ERA_OFFSET, gregorian_year, is_buddhist_era_year, read_date
from officesite.languages import Languages
from officesite.metadata.cache import file_signature, front_matter, yaml_file
from officesite.metadata.fields import INVALID, Context, default_only_fields, disagreements, shared_values
from officesite.metadata.problems import MetadataError, Problems
from officesite.metadata.reading import decode_text, front_matter_of, parse_yaml
from officesite.metadata.shown import kind_of, printable, shown_path
from officesite.schema import NEWS_CATEGORIES, NEWS_CATEGORIES_CHOICE, NEWS_POST

NEWS_FOLDER = "news"
CATEGORIES_FILE = "categories.yml"
# The listing pages written by hand, directly in docs/news/ (with their translations).
LISTING_PAGE_NAMES = ("index", "archive")
PAGE_SIZE = 10
# Listings paged PAGE_SIZE at a time; a year's archive is one page, however many posts.
PAGED_KINDS = {"index", "category"}
YEAR_FOLDER = re.compile(r"\d{4}")
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
    cover: dict | None = None  # {src, alt: {lang: text} or None, decorative}; the default language's file only
    gallery: tuple[dict, ...] = ()  # the same, in order
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
    originals: dict = field(default_factory=dict)  # slug -> the default language's Post, held-back posts included

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
# `pending` holds files not yet written ({path under news_dir: text}) and `pending_photos`
# photos about to be copied into place (paths under news_dir): scripts/new_news.py checks
# what it would write with exactly the build's rules.
def load_news(news_dir: Path, languages: Languages, display_root: Path | None = None, today: datetime.date | None = None, pending: dict | None = None, pending_photos=()) -> News:
    news_dir = Path(news_dir)
    pending = pending or {}
    shown_folder = shown_path(news_dir, display_root)
    shown = lambda relative: f"{shown_folder}/{printable(relative)}"  # noqa: E731
    problems = Problems()
    categories = _read_categories(news_dir / CATEGORIES_FILE, shown(CATEGORIES_FILE), languages, problems)
    known = None if categories is None else tuple(categories)  # None: its posts are not blamed for it
    context = Context(languages, news_dir.parent, {NEWS_CATEGORIES_CHOICE: known}, pending_files=frozenset(news_dir / relative for relative in pending_photos))
    by_slug: dict[str, dict[str, tuple]] = {}  # the valid posts: slug -> {lang: (Post, shared values)}
    files_by_slug: dict[str, dict[str, str]] = {}  # every post file: slug -> {lang: relative path}
    bad_folders: set[str] = set()
    for relative, is_folder in _markdown_entries(news_dir, pending):
        where, parts = shown(relative), relative.split("/")
        if is_folder:
            problems.add(where, "file", "expected a Markdown file, got a folder (rename or remove it)")
            continue
        if len(parts) == 1 and (languages.of_file(parts[0]) or (None, None))[1] in LISTING_PAGE_NAMES:
            continue
        problem = _place_problem(parts)
        if problem:
            if len(parts) != 2:
                problems.add(where, "folder", problem)
                continue
            if parts[0] not in bad_folders:  # one line per folder, however many posts it holds
                problems.add(shown(parts[0]), "folder name", problem)
                bad_folders.add(parts[0])
            if not _is_buddhist_era_folder(parts[0]):
                continue  # the posts of a Buddhist Era folder are checked all the same
        folder_year = gregorian_year(int(parts[0]))
        lang, slug = languages.of_file(parts[1]) or (None, None)
        if lang is None:
            problems.add(where, "file name", f"expected <slug>.md or <slug>.<{'|'.join(languages.others)}>.md, got {printable(parts[1])}")
            continue
        problem = NEWS_POST.file_name.problem(slug)
        if problem:
            problems.add(where, "slug", problem)
            continue
        versions = files_by_slug.setdefault(slug, {})
        # the earlier file of this slug in another folder, its default-language file first
        other = next((path for _, path in sorted(versions.items(), key=lambda v: v[0] != languages.default) if path.split("/")[0] != parts[0]), None)
        if other is not None:
            problems.add(where, "slug", f'expected a slug no other post has, got "{slug}", which {shown(other)} has')
            continue
        versions[lang] = relative
        meta = _front_matter(news_dir, relative, where, pending, problems)
        if meta is not INVALID:
            folder = f"{parts[0]}/{slug}"  # the post's photo folder
            meta = _without_retired_or_default_only(meta, where, lang, shown(f"{parts[0]}/{languages.file_name(slug, languages.default)}"), shown(folder) + "/", languages, problems)
            post_context = replace(context, file_dir=news_dir / folder, file_dir_shown=shown(folder) + "/")
            post = _read_post(meta, where, slug, lang, folder_year, post_context, f"{NEWS_FOLDER}/{relative}", problems)
            if post is not None:
                by_slug.setdefault(slug, {})[lang] = post
    problems.extend(_untranslated_originals(files_by_slug, languages, shown))
    problems.extend(_language_disagreements(by_slug, languages))
    problems.raise_if_any(NewsError)
    posts = {slug: {lang: post for lang, (post, _) in versions.items()} for slug, versions in by_slug.items()}
    return _published(News(categories), posts, languages, today)


# The front matter of a post file, or of the text about to be written there (None without
# one); INVALID when it cannot be read (its problems added).
def _front_matter(news_dir: Path, relative: str, where: str, pending: dict, problems: Problems):
    if relative not in pending:
        read = front_matter(news_dir / relative, where)
        problems.extend(read.problems)
        return INVALID if read.problems else (read.data or None)
    try:
        source, first_line = front_matter_of(decode_text(pending[relative].encode("utf-8"), where))
        return None if source is None else parse_yaml(source, where, "front matter", first_line)
    except MetadataError as error:
        problems.extend(error.problems)
        return INVALID


# The front matter without the fields a translation leaves to its default-language file
# (the photos) and the retired `image`, each found there one line.
def _without_retired_or_default_only(meta, where: str, lang: str, default_file: str, photo_folder: str, languages, problems: Problems):
    if not isinstance(meta, dict):
        return meta
    meta = dict(meta)
    if "image" in meta:
        del meta["image"]
        problems.add(where, "image", f"expected cover: {{src: <file name>, alt: …}} with the photo in {photo_folder} (see README, Adding a news post), got the retired image field")
    if lang != languages.default:
        for name in default_only_fields(NEWS_POST.fields):
            if meta.get(name) is not None:
                expected = f"none (the {languages.english_name(languages.default)} file {default_file} gives it to every language)"
                problems.add(where, name, f"expected {expected}, got {kind_of(meta.pop(name))}")
    return meta


# The news as a build on `today` publishes it: drafts and later posts held back.
def _published(news: News, by_slug, languages, today) -> News:
    published = {}
    for slug, versions in sorted(by_slug.items()):
        reference = versions[languages.default]
        news.originals[slug] = reference
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


# What the news is read from: changes when any post or categories.yml is added, removed or edited.
def news_inputs(news_dir: Path) -> tuple:
    news_dir = Path(news_dir)
    # Paths joined as strings: this runs for every post at every build and `mkdocs serve` rebuild.
    signature = [(relative, file_signature(os.path.join(news_dir, relative))) for relative, _ in _markdown_entries(news_dir)]
    signature.append(file_signature(news_dir / CATEGORIES_FILE))
    return tuple(signature)


# Every Markdown file (and folder named *.md) under news/, as (path under news/, is a folder).
def _markdown_entries(news_dir: Path, pending: dict | None = None) -> list[tuple[str, bool]]:
    entries = {relative: False for relative in pending or {}}
    if news_dir.is_dir():
        for folder, folders, files in os.walk(news_dir):
            base = Path(folder).relative_to(news_dir).as_posix()
            prefix = "" if base == "." else base + "/"
            for name in folders:
                if name.endswith(".md"):
                    entries[prefix + name] = True
            folders[:] = [name for name in folders if not name.endswith(".md")]  # named once, not entered
            for name in files:
                if name.endswith(".md"):
                    entries.setdefault(prefix + name, False)
    return sorted(entries.items())


# What is wrong with where a post file lies (parts of its path under news/), or None.
def _place_problem(parts: list[str]) -> str | None:
    name = printable(parts[-1])
    if len(parts) == 1:
        return f"expected a post in the folder of its year (news/<year>/{name}), got it directly in news/"
    if len(parts) > 2:
        return f"expected a post directly in a year folder (news/<year>/{name}), got it in news/{printable('/'.join(parts[:-1]))}/"
    if _is_buddhist_era_folder(parts[0]):
        return f"{parts[0]} is a Buddhist Era year: name the folder {int(parts[0]) - BUDDHIST_ERA_OFFSET}"
    if not YEAR_FOLDER.fullmatch(parts[0]):
        return f'expected a four-digit year such as 2018, got "{printable(parts[0])}"'
    return None


def _is_buddhist_era_folder(folder: str) -> bool:
    return bool(YEAR_FOLDER.fullmatch(folder)) and is_buddhist_era_year(int(folder))


# What is wrong with a slug ("expected …, got …"), or None.
def slug_problem(slug: str) -> str | None:
    return NEWS_POST.file_name.problem(slug)


# The categories by id; None when the file cannot be read, so that no post is blamed for it.
# An id whose names are wrong is still known: its posts are not blamed for it either.
def _read_categories(path: Path, where: str, languages, problems: Problems) -> dict | None:
    if not path.exists():
        return {}
    read = yaml_file(path, where)
    if read.problems:
        problems.extend(read.problems)
        return None
    if read.data is None:
        return {}
    categories = problems.check(NEWS_CATEGORIES.root, read.data, where, Context(languages), whole="file")
    return None if categories is INVALID else categories


# A post from its front matter as (Post, its values shared between languages); None when it has problems.
def _read_post(meta, where, slug, lang, folder_year, context, src_uri, problems: Problems):
    mark = problems.mark()
    clean = problems.check(NEWS_POST.root, meta, where, context)
    if clean is INVALID:
        return None
    date = clean["date"]
    if clean["slug"] not in (None, INVALID, slug):
        problems.add(where, "slug", f'expected "{slug}", the file\'s name, got "{clean["slug"]}" (rename the file or correct the slug)')
    if date is not INVALID and date.year != folder_year:
        problems.add(where, "date", f"expected a date in {folder_year} (the post's folder), got {date.isoformat()}")
    if problems.added_since(mark):
        return None
    photos = {"cover": clean["cover"], "gallery": tuple(clean["gallery"] or ())}
    post = Post(slug, date, clean["title"], clean["description"], lang, clean["category"], tuple(clean["tags"]), **photos, source=where, src_uri=src_uri, draft=clean["draft"])
    return post, shared_values(NEWS_POST.fields, clean)


# A post needs its file in the default language: a translation alone is never listed.
def _untranslated_originals(files_by_slug, languages, shown) -> list[str]:
    problems = []
    default = languages.default
    for slug, versions in files_by_slug.items():
        if default in versions:
            continue
        for lang, relative in sorted(versions.items()):
            original = shown(relative.rsplit("/", 1)[0] + "/" + languages.file_name(slug, default))
            problems.append(f"{shown(relative)}: file: expected the {languages.english_name(default)} post {original} beside it, got none")
    return problems


# A post's translations must agree with it on the schema's SHARED fields (date, category, draft).
def _language_disagreements(by_slug, languages) -> list[str]:
    lines = []
    for versions in by_slug.values():
        if languages.default not in versions:
            continue
        reference, reference_shared = versions[languages.default]
        for lang in languages.others:
            if lang in versions:
                other, shared = versions[lang]
                lines += disagreements(reference_shared, reference.source, shared, other.source)
    return lines


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
