"""PMQA 4.0 criteria metadata: read, validate and hold it. Plain Python, no MkDocs.

The metadata lives once, under docs/pmqa/ (declared in officesite/schema.py: LEVELS and
CRITERIA_CATEGORY):
- the front matter key `pmqa` of each category page, one page per category and language
  (`category-3.md` in the default language, `category-3.<code>.md` in the others);
- `levels.yml`: the levels, their points, and the scoring parameters.
Pages, the calculator and scripts/score.py are all derived from what `load_criteria` returns.
The schema checks each value; the rules below relate values to each other (a category's
number and its file name, item ids in order, points that increase, languages that agree).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from officesite.languages import Languages
from officesite.metadata.cache import file_signature, front_matter, yaml_file
from officesite.metadata.fields import INVALID, Context, disagreements, shared_values
from officesite.metadata.problems import MetadataError, Problems
from officesite.metadata.shown import shown_number, shown_path
from officesite.schema import CATEGORY_COUNT, CRITERIA_CATEGORY, LEVEL_IDS_CHOICE, LEVELS

CATEGORY_NUMBERS = tuple(range(1, CATEGORY_COUNT + 1))
LEVELS_FILE = "levels.yml"
CATEGORY_GLOB = "category-*.md"
CATEGORY_STEM = re.compile(rf"category-([1-{CATEGORY_COUNT}])")  # the file name without its language


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    guidance: dict = field(default_factory=dict)  # level id -> what that level looks like for this item
    evidence: tuple = ()  # examples of evidence that show it


@dataclass(frozen=True)
class Category:
    number: int
    title: str
    weight: float
    items: tuple[Item, ...]
    source: str  # the file it was read from, for messages and links


@dataclass(frozen=True)
class Level:
    id: str
    name: dict  # language -> name
    points: float


@dataclass(frozen=True)
class Criteria:
    levels: tuple[Level, ...]  # ascending points
    not_reached: Level
    display_decimals: int
    categories: dict  # language -> {number: Category}


class CriteriaError(MetadataError):
    """The criteria metadata is invalid; `problems` holds one line per problem."""


# -----------------------------------------------------------------------------
# Loading
# -----------------------------------------------------------------------------


# Read and validate all criteria metadata under a folder; raise CriteriaError listing every problem.
def load_criteria(folder: Path, languages: Languages, display_root: Path | None = None) -> Criteria:
    folder = Path(folder)
    shown = lambda path: shown_path(path, display_root)  # noqa: E731
    problems, context = Problems(), Context(languages)
    levels, not_reached, decimals = _read_levels(folder / LEVELS_FILE, shown(folder / LEVELS_FILE), context, problems)
    # An item's guidance names levels of levels.yml (None: that file could not be read).
    context = Context(languages, choices={LEVEL_IDS_CHOICE: tuple(level.id for level in levels) if levels else None})
    categories = {lang: {} for lang in languages.codes}  # the valid categories: (Category, shared values)
    found = {lang: set() for lang in languages.codes}  # the category numbers that have a page, valid or not
    for path in sorted(folder.glob(CATEGORY_GLOB)):
        number, lang = _number_and_language(path, languages)
        if number is None:
            expected = f"{languages.file_name('category-N', '<' + '|'.join(languages.codes) + '>')} with N from 1 to {CATEGORY_COUNT}"
            problems.add(shown(path), "file name", f"expected {expected}, got {shown(path.name)}")
            continue
        found[lang].add(number)
        category = _read_category(path, number, shown(path), context, problems)
        if category is not None:
            categories[lang][number] = category
    for lang in languages.codes:
        for number in CATEGORY_NUMBERS:
            if number not in found[lang]:
                page = shown(folder / languages.file_name(f"category-{number}", lang))
                problems.add(page, "file", f"expected the {languages.english_name(lang)} page of category {number}, got none")
    problems.extend(_language_disagreements(categories, languages))
    problems.raise_if_any(CriteriaError)
    return Criteria(levels, not_reached, decimals, {lang: {n: c for n, (c, _) in pages.items()} for lang, pages in categories.items()})


# What the criteria are read from: changes when a criteria file or the languages change.
def criteria_inputs(folder: Path, languages) -> tuple:
    folder = Path(folder)
    files = sorted(folder.glob(CATEGORY_GLOB)) + [folder / LEVELS_FILE]
    return (languages, tuple((str(f), file_signature(f)) for f in files))


# "category-3.<code>.md" -> (3, code); (None, None) for any other name. The number in the file name is the page's category.
def _number_and_language(path: Path, languages: Languages):
    found = languages.of_file(path.name)
    match = found and CATEGORY_STEM.fullmatch(found[1])
    if not match:
        return None, None
    return int(match.group(1)), found[0]


# -----------------------------------------------------------------------------
# Levels file
# -----------------------------------------------------------------------------


def _read_levels(path: Path, where: str, context, problems: Problems):
    read = yaml_file(path, where)
    if read.problems:
        problems.extend(read.problems)
        return (), None, 1
    mark = problems.mark()
    data = problems.check(LEVELS.root, read.data, where, context, whole="file")
    if data is INVALID:
        return (), None, 1
    named = [(f"levels[{index}]", raw) for index, raw in enumerate(data["levels"] if data["levels"] is not INVALID else [])]
    named.append(("not_reached", data["not_reached"]))
    _id_problems(named, where, problems)
    levels = tuple(_level(raw) for field, raw in named[:-1] if _level(raw))
    not_reached = _level(data["not_reached"])
    for index in range(1, len(levels)):
        if not levels[index].points > levels[index - 1].points:
            expected = f"more than {shown_number(levels[index - 1].points)} (points strictly increase)"
            problems.add(where, f"levels[{index}].points", f"expected {expected}, got {shown_number(levels[index].points)}")
    if not_reached and levels and not not_reached.points < levels[0].points:
        problems.add(where, "not_reached.points", f"expected less than {shown_number(levels[0].points)}, got {shown_number(not_reached.points)}")
    if problems.added_since(mark):
        return (), None, 1
    return levels, not_reached, data["display_decimals"]


# Each level's id must be its own.
def _id_problems(named, where, problems: Problems) -> None:
    seen = {}
    for field, raw in named:
        level_id = raw.get("id") if isinstance(raw, dict) else INVALID
        if level_id is INVALID:
            continue
        if level_id in seen:
            problems.add(where, f"{field}.id", f'expected an id of its own, got "{level_id}", already the id of {seen[level_id]}')
        seen.setdefault(level_id, field)


# A Level from its checked values; None when any of them failed.
def _level(raw) -> Level | None:
    if not isinstance(raw, dict) or INVALID in raw.values() or INVALID in raw["name"].values():
        return None
    return Level(raw["id"], raw["name"], raw["points"])


# -----------------------------------------------------------------------------
# Category pages
# -----------------------------------------------------------------------------


# The page for category `number` (from its file name) as (Category, its values shared between
# languages); None when it has problems.
def _read_category(path: Path, number: int, where: str, context, problems: Problems):
    read = front_matter(path, where)
    if read.problems:
        problems.extend(read.problems)
        return None
    mark = problems.mark()
    meta = problems.check(CRITERIA_CATEGORY.root, read.data, where, context)
    metadata = meta["pmqa"] if meta is not INVALID else INVALID
    if metadata is INVALID:
        return None
    declared = metadata["category"]
    if declared is not INVALID and declared != number:
        # one line: the file name and the number disagree, so its item ids cannot be judged
        problems.add(where, "pmqa.category", f"expected {number}, the number in the file name {path.name}, got {declared}")
        return None
    if metadata["items"] is not INVALID:
        _item_problems(metadata["items"], number, where, problems)
    if problems.added_since(mark):
        return None
    items = tuple(Item(item["id"], item["title"], item["guidance"] or {}, tuple(item["evidence"] or ())) for item in metadata["items"])
    category = Category(number, metadata["title"], metadata["weight"], items, where)
    return category, shared_values(CRITERIA_CATEGORY.fields, meta)


# Item ids are "N.1", "N.2", … in order, N the category's number.
def _item_problems(items, number, where, problems: Problems) -> None:
    seen = {}
    for index, item in enumerate(items):
        item_id = item.get("id", INVALID) if isinstance(item, dict) else INVALID
        if item_id is INVALID:
            continue
        field, expected = f"pmqa.items[{index}].id", f"{number}.{index + 1}"
        if item_id.split(".")[0] != str(number):
            problems.add(where, field, f'expected an item of category {number} ("{expected}"), got "{item_id}"')
        elif item_id in seen:
            problems.add(where, field, f'expected "{expected}", got "{item_id}", already the id of pmqa.items[{seen[item_id]}]')
        elif item_id != expected:
            problems.add(where, field, f'expected "{expected}", got "{item_id}"')
        seen.setdefault(item_id, index)


# The numbers and ids each language gives must agree (the schema's SHARED fields); titles differ by nature.
def _language_disagreements(categories, languages) -> list[str]:
    lines = []
    for lang in languages.others:
        for number, (category, shared) in sorted(categories[lang].items()):
            if number in categories[languages.default]:
                reference, reference_shared = categories[languages.default][number]
                lines += disagreements(reference_shared, reference.source, shared, category.source)
    return lines
