"""The search index of one language, written in parts that a query loads only as it needs them.

Search finds every page whose text contains the query as a string (see `text.flat`), in any
language and at any position: the middle of a Thai compound, a phrase typed without spaces.
Dictionary segmentation cannot promise that (the build's and the browser's dictionaries
disagree on compounds), so the index does not segment text: it lists, for every character and
every pair of adjacent characters ("grams"), the pages whose flat text holds it. A query's
candidates are the pages holding all of its grams; the browser then checks each candidate's
text for the query itself (docs/assets/javascripts/search.js) before showing it.

Under each language's root (`search/`, `<code>/search/`):
- `index.json`: the number of pages, how pages are grouped into text files, how grams are
  spread over gram files, and the build's id (each file is requested as `…?v=<id>`);
- `grams-<n>.json`: {"text": {gram: pages}, "title": {gram: pages}}, the pages holding a
  gram in their text and in their title, as ascending page numbers written as differences;
  a gram is in file `fnv1a(gram) % files`;
- `pages-<n>.json`: pages n*PAGES_PER_FILE… as [location, title, text, sections].
Pages are numbered in the order results are shown when nothing else tells them apart:
pages without a date (the guidance, the office pages) first, then news, newest first.
"""

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import normalize_url

from officesite.search.text import PageText, flat, gram_codes, gram_of_code

FOLDER = "search"
MANIFEST = "index.json"
PAGES_PER_FILE = 16
# Gram files are sized so that one holds about this many bytes of JSON (gzip makes it a
# fifth or less): a query of a few words loads a few of them.
GRAM_FILE_BYTES = 24_000
FORMAT = 1
SCRIPT = "assets/javascripts/search.js"  # docs/: runs the dialog of overrides/partials/search.html


@dataclass(frozen=True)
class SearchPage:
    location: str  # relative to the language's root: "", "about/", "news/2018/x/"
    order: tuple  # sorting key: undated pages first, then newest first
    content: PageText


# The sorting key of a page: its date (a `datetime.date`, or None).
def page_order(location: str, date) -> tuple:
    return (1, -date.toordinal(), location) if date else (0, 0, location)


# The root of a page's language, relative to the page ("../../", "../../en/"): where its
# search finds the index and resolves result locations.
def search_base(base_url: str, lang: str, languages) -> str:
    return f"{base_url.rstrip('/')}/{languages.prefix(lang)}"


# The search script's URL from a page (None for a template that is no page), as the `url`
# filter writes it: given to the dialog's partial, which reads nothing else of the page but
# `search_base` (it is rendered once per language and these two, officesite.template_cache).
def search_script(page, base_url: str) -> str:
    return normalize_url(SCRIPT, page=page, base=base_url)


# FNV-1a (32 bits) of a string's UTF-16 code units: the gram file a gram is in. search.js
# computes the same hash, over the same code units (charCodeAt).
def gram_hash(gram: str) -> int:
    value = 0x811C9DC5
    units = gram.encode("utf-16-le")
    for i in range(0, len(units), 2):
        value ^= units[i] | units[i + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


# Ascending numbers as their differences: [3, 4, 9] -> [3, 1, 5] (small numbers, compressed well).
def differences(numbers: list[int]) -> list[int]:
    return [number - previous for previous, number in zip([0] + numbers, numbers)]


# The files of one language's index, by path under its search folder: name -> JSON value.
def index_files(pages: list[SearchPage]) -> dict[str, object]:
    pages = sorted(pages, key=lambda page: page.order)
    text_postings: dict[int, list[int]] = defaultdict(list)  # by gram code (text.gram_codes)
    title_postings: dict[int, list[int]] = defaultdict(list)
    for number, page in enumerate(pages):
        for code in gram_codes(flat(page.content.text)):
            text_postings[code].append(number)
        for code in gram_codes(flat(page.content.title)):
            title_postings[code].append(number)
    text_postings = {gram_of_code(code): postings for code, postings in text_postings.items()}
    title_postings = {gram_of_code(code): postings for code, postings in title_postings.items()}
    size = sum(len(gram) + 2 * len(postings) + 6 for postings in (text_postings, title_postings) for gram, postings in postings.items())
    gram_files = max(1, math.ceil(size / GRAM_FILE_BYTES))
    files: dict[str, object] = {}
    for number in range(gram_files):
        files[f"grams-{number}.json"] = {"text": {}, "title": {}}
    for field, postings in (("text", text_postings), ("title", title_postings)):
        for gram in sorted(postings):
            files[f"grams-{gram_hash(gram) % gram_files}.json"][field][gram] = differences(postings[gram])
    for first in range(0, len(pages), PAGES_PER_FILE):
        files[f"pages-{first // PAGES_PER_FILE}.json"] = [
            [page.location, page.content.title, page.content.text, [list(section) for section in page.content.sections]]
            for page in pages[first : first + PAGES_PER_FILE]
        ]
    # Every file follows from the pages (in this FORMAT): their text identifies the index.
    version = hashlib.sha256(str(FORMAT).encode())
    for page in pages:
        version.update(json.dumps([page.location, page.content.title, page.content.text, page.content.sections], ensure_ascii=False).encode())
    version = version.hexdigest()[:12]
    files[MANIFEST] = {"format": FORMAT, "id": version, "pages": len(pages), "pages_per_file": PAGES_PER_FILE, "gram_files": gram_files}
    return files


# Write a language's index under its root folder, replacing any earlier one.
def write_index(root: Path, pages: list[SearchPage]) -> dict[str, object]:
    folder = root / FOLDER
    for old in folder.glob("*.json"):
        old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    files = index_files(pages)
    for name, value in files.items():
        (folder / name).write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return files
