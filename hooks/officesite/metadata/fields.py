"""The field types a content schema is declared with, and how a value is checked against them.

officesite/schema.py declares every content kind with these types; nothing checks metadata
by hand what a declaration can say. A type's `check(value, context)` returns the value as the
site uses it (texts stripped, numbers as floats, dates as dates) and its problems, each as
(field path inside the value, "expected …, got …"); a value with problems may hold INVALID
where a part of it failed. Each type also says what an editor needs to edit it: `widget` (a
Decap/Sveltia CMS widget name), and `pattern` where a text must match one.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from officesite.dates import EXAMPLE_DATE, GREGORIAN_DATE_PATTERN, read_date
from officesite.metadata.shown import kind_of, printable, shown_number, shown_plain, shown_value

INVALID = object()  # a value, or part of one, that failed its check
# Characters XML 1.0 does not allow (feeds are XML): the control characters but tab, line feed
# and carriage return, surrogates, U+FFFE and U+FFFF. (Written as the complement of what it
# allows, the class took Python 7 ms to compile, on every build.)
NOT_XML_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# How a field's value relates to the same page's or post's file in another language.
TRANSLATED = "translated"  # each language's file has its own (a CMS: i18n true)
SHARED = "shared"  # the same in every language's file, checked (a CMS: i18n duplicate)
DEFAULT_ONLY = "default only"  # in the default language's file only; its translations take it (a CMS: i18n none)
BOTH_OR_NEITHER = "both or neither"  # translated, and given in every language's file or in none


@dataclass(frozen=True)
class Context:
    """What checking needs besides the value: the site's languages, where its files are, and
    the option lists that come from other files (Choice(options="…"))."""

    languages: object  # officesite.languages.Languages
    docs_dir: Path | None = None
    choices: dict = field(default_factory=dict)  # name -> options; None: that list could not be read
    file_dir: Path | None = None  # where the file's own images are (ImagePath(beside_file=True)): a post's photo folder
    file_dir_shown: str = ""  # that folder as messages name it, e.g. "docs/news/2026/clean-river-day/"
    pending_files: frozenset = frozenset()  # files about to be written (scripts/new_news.py): taken as there


@dataclass(frozen=True)
class Field:
    name: str
    type: object  # one of the types below
    required: bool = False
    translation: str = TRANSLATED  # TRANSLATED, SHARED or DEFAULT_ONLY (files in several languages)
    default: object = None  # the value when the field is left out


Problem = tuple[str, str]  # (field path inside the value, "expected …, got …")


# A field path inside a value, below another: ("image", "src") -> "image.src"; ("items", "[0]") -> "items[0]".
def join(path: str, inner: str) -> str:
    if not inner:
        return path
    if not path or inner.startswith("["):
        return path + inner
    return f"{path}.{inner}"


def _below(path: str, problems: list[Problem]) -> list[Problem]:
    return [(join(path, inner), message) for inner, message in problems]


# -----------------------------------------------------------------------------
# Value checks: each returns "expected …, got …", or None when the value is right
# -----------------------------------------------------------------------------


# Text that can go anywhere: HTML, JSON, the RSS and Atom feeds (XML 1.0).
def text_problem(value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"expected text, got {kind_of(value)}"
    bad = NOT_XML_CHARACTER.search(value)
    if bad:
        character = bad.group()
        return f"expected text without control characters, got U+{ord(character):04X} ({printable(character)}) at character {bad.start() + 1}"
    return None


# A finite number from `low` to `high` (above 0, when `positive`).
def number_problem(value, high, positive=False, whole=False, low=0) -> str | None:
    kind = "whole number" if whole else "number"
    expected = f"a positive {kind}" if positive else f"a {kind} from {low:g} to {high:g}"
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
        return f"expected {expected}, got {kind_of(value)}"
    if (isinstance(value, float) and math.isnan(value)) or (positive and value <= 0) or (not positive and value < low):
        return f"expected {expected}, got {shown_number(value)}"
    if value > high:  # .inf included; a whole number is compared as it is, never made a float
        return f"expected {expected} of at most {high:g}, got {shown_number(value)}" if positive else f"expected {expected}, got {shown_number(value)}"
    if value < low:
        return f"expected {expected} of at least {low:g}, got {shown_number(value)}"
    return None


# A list that holds something.
def list_problem(value, expected: str) -> str | None:
    if not isinstance(value, list) or not value:
        return f"expected {expected}, got {kind_of(value)}"
    return None


# -----------------------------------------------------------------------------
# Types
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    long: bool = False  # a paragraph rather than a line
    pattern: str | None = None  # the whole text must match, as written
    expected: str = "text"  # what a message says is expected when the pattern does not match
    empty: bool = False  # "" means not set (facts left for the office to fill in)
    rule: Callable | None = None  # a further check of the text: value -> "expected …, got …" or None

    @property
    def widget(self) -> str:
        return "text" if self.long else "string"

    def check(self, value, context):
        if self.empty and (value is None or (isinstance(value, str) and not value.strip())):
            return "", []
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.pattern:
            return INVALID, [("", f"expected {self.expected} (quote it in YAML), got {shown_number(value)}")]
        problem = text_problem(value)
        if problem is None and self.pattern and not re.fullmatch(self.pattern, value):
            problem = f"expected {self.expected}, got {shown_value(value)}"
        if problem is None and self.rule:
            problem = self.rule(value)
        return (INVALID, [("", problem)]) if problem else (value.strip(), [])


@dataclass(frozen=True)
class Slug:
    """A name for a URL: lower-case ASCII words joined by hyphens."""

    reserved: tuple = ()  # names that are not free, e.g. "index"
    reserved_for: str = ""  # what they are kept for
    owner: str = "its"  # whose name it is, for messages: "the post's"
    pattern = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # matched whole (fullmatch): "$" would let a trailing newline through
    widget = "string"

    def check(self, value, context):
        problem = self.problem(value)
        return (INVALID, [("", problem)]) if problem else (value, [])

    def problem(self, value) -> str | None:
        if not isinstance(value, str) or not re.fullmatch(self.pattern, value):
            shown = f'"{printable(value)}"' if isinstance(value, str) else kind_of(value)
            return f"expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got {shown}"
        if value in self.reserved:
            return f'expected a name of {self.owner} own, got "{value}", which is reserved for {self.reserved_for}'
        return None


@dataclass(frozen=True)
class Date:
    """A Gregorian date written YYYY-MM-DD (Buddhist Era years and other forms are named)."""

    # Text, not Decap's datetime widget (a browser date picker, which rewrites what it shows
    # through the browser's time zone): "date" is Decap's text input under the name Decap
    # takes an entry's date from (admin's cms.js registers it), so that {{year}} in a path is
    # the post's year. The pattern refuses a Buddhist Era year before the file is written.
    widget = "date"
    pattern = GREGORIAN_DATE_PATTERN
    example = EXAMPLE_DATE

    def check(self, value, context):
        date, problem = read_date(value)
        return (INVALID, [("", problem)]) if problem else (date, [])


@dataclass(frozen=True)
class Choice:
    options: tuple | str  # the options, or the name of a list the reader gives (Context.choices)
    expected: str | None = None  # what the options are, e.g. "an id from categories.yml"
    widget = "select"

    def check(self, value, context):
        options = context.choices.get(self.options) if isinstance(self.options, str) else self.options
        if options is None:
            return INVALID, []  # the list itself could not be read: that file's problem, not this value's
        if isinstance(value, str) and value in options:
            return value, []
        listed = ", ".join(options) or "none defined"
        expected = f"{self.expected} ({listed})" if self.expected else f"one of {listed}"
        return INVALID, [("", f"expected {expected}, got {shown_value(value) if isinstance(value, str) else kind_of(value)}")]


@dataclass(frozen=True)
class TextList:
    item: Text = Text()
    example: str = "[PMQA 4.0]"
    widget = "list"

    def check(self, value, context):
        problem = list_problem(value, f"a list of texts, e.g. {self.example}")
        if problem:
            return INVALID, [("", problem)]
        results = [self.item.check(item, context) for item in value]
        return [clean for clean, _ in results], [(f"[{index}]", message) for index, (_, problems) in enumerate(results) for _, message in problems]


@dataclass(frozen=True)
class ImagePath:
    """An image file of the site: a path under docs/, or (beside_file) from the folder of the
    file's own images, Context.file_dir (a post's photo folder)."""

    suffixes: tuple = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")  # () : the content decides
    example: str = "assets/images/news/clean-river-day.jpg"
    beside_file: bool = False
    widget = "image"

    def check(self, value, context):
        base = context.file_dir if self.beside_file else context.docs_dir
        problem = text_problem(value) or self.problem(value.strip(), base, context)
        return (INVALID, [("", problem)]) if problem else (value.strip(), [])

    def problem(self, src: str, base, context) -> str | None:
        place = f"in {context.file_dir_shown or 'the folder of the file'}" if self.beside_file else "under docs/"
        expected = f"expected the path of a file {place}, e.g. {self.example}"
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("//"):
            return f'{expected}, got an address on another site "{printable(src)}" (copy the file {place})'
        if src.startswith("/") or "\\" in src or ".." in PurePosixPath(src).parts:
            return f'{expected}, got "{printable(src)}"'
        if any(part.startswith(".") for part in PurePosixPath(src).parts) or (self.suffixes and not src.lower().endswith(self.suffixes)):
            return f'{expected}, got "{printable(src)}", which is not an image ({", ".join(self.suffixes) or "a hidden file"})'
        if base is not None and not (Path(base) / src).is_file() and (Path(base) / src) not in context.pending_files:
            return f'{expected}, got "{printable(src)}", which does not exist'
        return None


@dataclass(frozen=True)
class Boolean:
    widget = "boolean"

    def check(self, value, context):
        return (value, []) if isinstance(value, bool) else (INVALID, [("", f"expected true or false, got {kind_of(value)}")])


@dataclass(frozen=True)
class Number:
    high: float
    low: float = 0
    positive: bool = False  # above 0 (and at least `low`)
    whole: bool = False
    widget = "number"

    def check(self, value, context):
        problem = number_problem(value, self.high, self.positive, self.whole, self.low)
        if problem:
            return INVALID, [("", problem)]
        return (value if self.whole else float(value)), []


@dataclass(frozen=True)
class Object:
    fields: tuple  # of Field
    expected: str | None = None  # what a wrong value should be; default: its required fields
    # A rule between its checked fields: clean mapping -> [(field path, "expected …, got …")],
    # e.g. an image has an alt text or is marked decorative.
    rule: Callable | None = None
    widget = "object"

    def check(self, value, context):
        required = [f.name for f in self.fields if f.required]
        if not isinstance(value, dict) or (not value and required):
            expected = self.expected or _mapping_with(required)
            return INVALID, [("", f"expected {expected}, got {kind_of(value)}")]
        clean, problems = check_fields(self.fields, value, context)
        if self.rule and not problems:
            problems = self.rule(clean)
        return clean, problems


# "a mapping with id, name and points"
def _mapping_with(names: list[str]) -> str:
    if not names:
        return "a mapping"
    return "a mapping with " + (f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0])


@dataclass(frozen=True)
class ObjectList:
    item: Object
    expected: str  # what a wrong list should be, e.g. 'a list of items, e.g. [{id: "1.1", title: …}]'
    widget = "list"

    def check(self, value, context):
        problem = list_problem(value, self.expected)
        if problem:
            return INVALID, [("", problem)]
        results = [self.item.check(item, context) for item in value]
        return [clean for clean, _ in results], [problem for index, (_, problems) in enumerate(results) for problem in _below(f"[{index}]", problems)]


@dataclass(frozen=True)
class PerLanguage:
    """A value per language of the site, in one file: {th: …, en: …} (the codes of mkdocs.yml)."""

    item: object = Text()
    expected: str = "a text"  # what each language's value is, for messages
    every_language: bool = True  # each of the site's languages must be given
    or_plain: bool = False  # one value for every language is accepted too
    widget = "object"

    def check(self, value, context):
        codes = context.languages.codes
        if self.or_plain and not isinstance(value, dict):
            clean, problems = self.item.check(value, context)
            return {lang: clean for lang in codes}, problems
        if not isinstance(value, dict):
            example = ", ".join(f"{lang}: …" for lang in codes)
            plain = f"{self.expected} or " if self.or_plain else ""
            return INVALID, [("", f"expected {plain}{self.expected} per language, e.g. {{{example}}}, got {kind_of(value)}")]
        clean, problems = {}, []
        for lang in codes:
            if lang not in value and not self.every_language:
                continue
            clean[lang], found = self.item.check(value.get(lang), context)
            problems += _below(lang, found)
        return clean, problems


@dataclass(frozen=True)
class Mapping:
    """Keys named by the author, each with a value: categories.yml's ids, interface string keys."""

    key: Text
    value: object
    expected: str  # what a wrong value should be, e.g. "a mapping of category id to names"
    widget = "object"

    def check(self, value, context):
        if not isinstance(value, dict):
            return INVALID, [("", f"expected {self.expected}, got {kind_of(value)}")]
        clean, problems = {}, []
        for key, item in value.items():
            name = printable(str(key))
            found = self.key.check(key, context)[1] if isinstance(key, str) else [("", f"expected {self.key.expected}, got {kind_of(key)}")]
            if found:
                problems += _below(name, found)
                continue
            clean[key], found = self.value.check(item, context)
            problems += _below(name, found)
        return clean, problems


# A mapping's fields checked against their declarations: (clean mapping, problems). A field
# left out (or null) takes its default; a required one left out is checked as nothing, so its
# type says what was expected.
def check_fields(fields, value: dict, context) -> tuple[dict, list[Problem]]:
    known = {f.name: f for f in fields}
    problems = [
        (printable(str(key)), f"expected one of {', '.join(known)}, got an unknown field")
        for key in value
        if key not in known
    ]
    clean = {}
    for f in fields:
        raw = value.get(f.name)
        if raw is None and not f.required:
            clean[f.name] = f.default
            continue
        clean[f.name], found = f.type.check(raw, context)
        problems += _below(f.name, found)
    return clean, problems


# -----------------------------------------------------------------------------
# Between the files of one page or post in several languages
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Presence:
    """Whether a BOTH_OR_NEITHER field is given, and its shape: what its files in other
    languages must match (the same keys of a mapping, as many entries of a list)."""

    given: bool
    shape: tuple | int | None = None


# The shape of a translated value that its translations must keep: a mapping's keys, a list's length.
def _shape(value):
    if isinstance(value, dict):
        return tuple(sorted(map(str, value)))
    if isinstance(value, list):
        return len(value)
    return None


def _shown_shape(shape) -> str:
    if isinstance(shape, tuple):
        return f"the keys {', '.join(map(str, shape))}"
    return f"{shape} entr{'y' if shape == 1 else 'ies'}"


@dataclass(frozen=True)
class ItemValues:
    """The values of one SHARED field of each item of a list: "the ids of" a criteria page."""

    field: str
    values: tuple


# The values a translation must share with its default-language file: {field path: value}.
# A list of objects gives its items' values of its first SHARED field (ItemValues), then, item
# by item, the rest.
def shared_values(fields, clean: dict, path: str = "") -> dict:
    values = {}
    for f in fields:
        value, name = clean.get(f.name), join(path, f.name)
        if f.translation == SHARED:
            values[name] = value
        elif f.translation == BOTH_OR_NEITHER:
            values[name] = Presence(value is not None, _shape(value))
        elif isinstance(f.type, Object) and isinstance(value, dict):
            values |= shared_values(f.type.fields, value, name)
        elif isinstance(f.type, ObjectList) and isinstance(value, list):
            items, inner = [item for item in value if isinstance(item, dict)], list(f.type.item.fields)
            first = next((g for g in inner if g.translation == SHARED), None)
            if first:
                values[name] = ItemValues(first.name, tuple(item.get(first.name) for item in items))
                inner.remove(first)
            for index, item in enumerate(items):
                values |= shared_values(inner, item, join(name, f"[{index}]"))
    return values


# The fields of a kind written in the default language's file only: their paths.
def default_only_fields(fields, path: str = "") -> list[str]:
    found = []
    for f in fields:
        if f.translation == DEFAULT_ONLY:
            found.append(join(path, f.name))
        elif isinstance(f.type, Object):
            found += default_only_fields(f.type.fields, join(path, f.name))
    return found


# What a translation's shared values say that its default-language file's do not: one line
# each. Once a list's items differ, its items are not compared one by one.
def disagreements(reference: dict, reference_where: str, other: dict, other_where: str) -> list[str]:
    lines, differing_lists = [], []
    for path, expected in reference.items():
        got = other.get(path)
        if got == expected or expected is INVALID or got is INVALID or any(path.startswith(f"{name}[") for name in differing_lists):
            continue
        if isinstance(expected, ItemValues):
            differing_lists.append(path)
            got_values = got.values if isinstance(got, ItemValues) else ()
            expected_text = f"the {expected.field}s of {reference_where} ({shown_plain(expected.values)})"
            lines.append(f"{other_where}: {path}: expected {expected_text}, got {shown_plain(got_values) or 'none'}")
        elif isinstance(expected, Presence) and isinstance(got, Presence) and expected.given and got.given:
            lines.append(f"{other_where}: {path}: expected {_shown_shape(expected.shape)} as in {reference_where}, got {_shown_shape(got.shape)}")
        elif isinstance(expected, Presence):
            expected_text, got_text = ("a value", "none") if expected.given else ("none", "a value")
            lines.append(f"{other_where}: {path}: expected {expected_text} as in {reference_where}, got {got_text}")
        else:
            lines.append(f"{other_where}: {path}: expected {shown_plain(expected)} as in {reference_where}, got {shown_plain(got)}")
    return lines
