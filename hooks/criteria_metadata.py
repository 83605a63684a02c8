"""PMQA 4.0 criteria metadata: read, validate and hold it. Plain Python, no MkDocs.

The metadata lives once, under docs/pmqa/ (schema: docs/pmqa/README.md):
- the front matter key `pmqa` of each category page, one page per category and language
  (`category-3.md` Thai, `category-3.en.md` English);
- `levels.yml`: the levels, their points, and the scoring parameters.
Pages, the calculator and scripts/score.py are all derived from what `load_criteria` returns.
Every problem found is reported as one line `file: field: expected …, got …`.
"""

from dataclasses import dataclass
from numbers import Real
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from metadata_problems import MetadataError, is_text, kind_of, shown_path

CATEGORY_NUMBERS = tuple(range(1, 8))
LEVELS_FILE = "levels.yml"
CATEGORY_GLOB = "category-*.md"
DEFAULT_WEIGHT = 1


@dataclass(frozen=True)
class Item:
    id: str
    title: str


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
def load_criteria(folder: Path, languages: tuple[str, ...], display_root: Path | None = None) -> Criteria:
    folder = Path(folder)
    shown = lambda path: shown_path(path, display_root)  # noqa: E731
    problems: list[str] = []
    levels, not_reached, decimals = _read_levels(folder / LEVELS_FILE, languages, shown, problems)
    categories = {lang: {} for lang in languages}  # the valid categories, compared across languages
    found = {lang: {} for lang in languages}  # every category number seen -> its file, valid or not
    for path in sorted(folder.glob(CATEGORY_GLOB)):
        lang = _language_of(path, languages)
        if lang is None:
            problems.append(f"{shown(path)}: file name: expected category-N.md or category-N.<{'|'.join(languages[1:])}>.md")
            continue
        number, category = _read_category(path, shown(path), problems)
        if number is None:
            continue
        if number in found[lang]:
            problems.append(f"{shown(path)}: pmqa.category: category {number} is also defined in {found[lang][number]}")
            continue
        found[lang][number] = shown(path)
        if category is not None:
            categories[lang][number] = category
    for lang in languages:
        missing = [str(n) for n in CATEGORY_NUMBERS if n not in found[lang]]
        if missing:
            problems.append(f"{shown(folder)}: {lang}: expected one page for each category 1-7, missing {', '.join(missing)}")
    problems += _language_disagreements(categories, languages)
    if problems:
        raise CriteriaError(problems)
    return Criteria(levels, not_reached, decimals, categories)


# "category-3.en.md" -> "en"; "category-3.md" -> the default (first) language.
def _language_of(path: Path, languages):
    parts = path.name.split(".")
    if len(parts) == 2:
        return languages[0]
    if len(parts) == 3 and parts[1] in languages[1:]:
        return parts[1]
    return None


# -----------------------------------------------------------------------------
# Levels file
# -----------------------------------------------------------------------------

LEVEL_FIELDS = {"id", "name", "points"}
LEVELS_FILE_FIELDS = {"levels", "not_reached", "display_decimals"}


def _read_levels(path: Path, languages, shown, problems):
    where = shown(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{where}: file: expected the levels file, found none")
        return (), None, 0
    except yaml.YAMLError as error:
        problems.append(f"{where}: file: expected valid YAML, got {_first_line(error)}")
        return (), None, 0
    if not isinstance(data, dict):
        problems.append(f"{where}: file: expected a mapping with {', '.join(sorted(LEVELS_FILE_FIELDS))}, got {kind_of(data)}")
        return (), None, 0
    problems += [f"{where}: {key}: unknown field" for key in data if key not in LEVELS_FILE_FIELDS]

    levels = []
    raw_levels = data.get("levels")
    if not isinstance(raw_levels, list) or not raw_levels:
        problems.append(f"{where}: levels: expected a list of levels, e.g. [{{id: basic, name: {{th: …, en: …}}, points: 300}}], got {kind_of(raw_levels)}")
    else:
        for index, raw in enumerate(raw_levels):
            level = _read_level(raw, f"levels[{index}]", languages, where, problems)
            if level:
                levels.append(level)
    not_reached = _read_level(data.get("not_reached"), "not_reached", languages, where, problems)

    ids = [level.id for level in levels] + ([not_reached.id] if not_reached else [])
    for index, level_id in enumerate(ids):
        if level_id in ids[:index]:
            problems.append(f"{where}: levels: id \"{level_id}\" is used twice")
    for index in range(1, len(levels)):
        if not levels[index].points > levels[index - 1].points:
            problems.append(
                f"{where}: levels[{index}].points: expected more than {levels[index - 1].points:g} "
                f"(points strictly increase), got {levels[index].points:g}"
            )
    if not_reached and levels and not not_reached.points < levels[0].points:
        problems.append(f"{where}: not_reached.points: expected less than {levels[0].points:g}, got {not_reached.points:g}")

    decimals = data.get("display_decimals", 1)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 3:
        problems.append(f"{where}: display_decimals: expected a whole number from 0 to 3, got {decimals!r}")
        decimals = 1
    return tuple(levels), not_reached, decimals


def _read_level(raw, field, languages, where, problems):
    if not isinstance(raw, dict):
        problems.append(f"{where}: {field}: expected a mapping with id, name and points, got {kind_of(raw)}")
        return None
    start = len(problems)
    problems += [f"{where}: {field}.{key}: unknown field" for key in raw if key not in LEVEL_FIELDS]
    level_id, name, points = raw.get("id"), raw.get("name"), raw.get("points")
    if not isinstance(level_id, str) or not level_id.isascii() or not level_id.isidentifier():
        problems.append(f"{where}: {field}.id: expected a short ASCII name such as basic, got {level_id!r}")
    if not isinstance(name, dict):
        problems.append(f"{where}: {field}.name: expected a name per language, e.g. {{th: …, en: …}}, got {kind_of(name)}")
    else:
        for lang in languages:
            if not is_text(name.get(lang)):
                problems.append(f"{where}: {field}.name.{lang}: expected text, got {kind_of(name.get(lang))}")
    if not _is_number(points) or points < 0:
        problems.append(f"{where}: {field}.points: expected a number of points (0 or more), got {points!r}")
    if len(problems) > start:
        return None
    return Level(level_id, {lang: name[lang] for lang in languages}, float(points))


# -----------------------------------------------------------------------------
# Category pages
# -----------------------------------------------------------------------------

CATEGORY_FIELDS = {"category", "title", "weight", "items"}
ITEM_FIELDS = {"id", "title"}


# (number, Category) of a category page; the Category is None when the page has problems,
# the number None when it cannot be told.
def _read_category(path: Path, where: str, problems) -> tuple[int | None, Category | None]:
    # MkDocs' own front matter reader hides YAML errors; read it here to report them.
    match = YAML_RE.match(path.read_text(encoding="utf-8"))
    try:
        meta = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError as error:
        problems.append(f"{where}: front matter: expected valid YAML, got {_first_line(error)}")
        return None, None
    raw = meta.get("pmqa") if isinstance(meta, dict) else None
    if not isinstance(raw, dict):
        problems.append(f"{where}: pmqa: expected the category metadata (category, title, items), got {kind_of(raw)}")
        return None, None
    start = len(problems)
    problems += [f"{where}: pmqa.{key}: unknown field" for key in raw if key not in CATEGORY_FIELDS]

    number = raw.get("category")
    if not isinstance(number, int) or isinstance(number, bool) or number not in CATEGORY_NUMBERS:
        problems.append(f"{where}: pmqa.category: expected a category number from 1 to 7, got {number!r}")
        number = None
    title = raw.get("title")
    if not is_text(title):
        problems.append(f"{where}: pmqa.title: expected text, got {kind_of(title)}")
    weight = raw.get("weight", DEFAULT_WEIGHT)
    if not _is_number(weight) or weight <= 0:
        problems.append(f"{where}: pmqa.weight: expected a positive number, got {weight!r}")

    items = _read_items(raw.get("items"), number, where, problems)
    if len(problems) > start:
        return number, None
    return number, Category(number, title, float(weight), items, where)


def _read_items(raw_items, number, where, problems) -> tuple[Item, ...]:
    if not isinstance(raw_items, list) or not raw_items:
        problems.append(f'{where}: pmqa.items: expected a list of items, e.g. [{{id: "1.1", title: …}}], got {kind_of(raw_items)}')
        return ()
    items, seen = [], {}
    for index, raw in enumerate(raw_items):
        field = f"items[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{where}: {field}: expected a mapping with id and title, got {kind_of(raw)}")
            continue
        problems += [f"{where}: {field}.{key}: unknown field" for key in raw if key not in ITEM_FIELDS]
        item_id, title = raw.get("id"), raw.get("title")
        if not is_text(title):
            problems.append(f"{where}: {field}.title: expected text, got {kind_of(title)}")
        if not isinstance(item_id, str):
            hint = " (quote it in YAML)" if _is_number(item_id) else ""
            problems.append(f'{where}: {field}.id: expected text such as "{number or 1}.{index + 1}"{hint}, got {item_id!r}')
        elif number is not None:
            expected = f"{number}.{index + 1}"
            if item_id.split(".")[0] != str(number):
                problems.append(f'{where}: {field}.id: expected an item of category {number} ("{expected}"), got "{item_id}"')
            elif item_id in seen:
                problems.append(f'{where}: {field}.id: "{item_id}" is already the id of items[{seen[item_id]}]')
            elif item_id != expected:
                problems.append(f'{where}: {field}.id: expected "{expected}", got "{item_id}"')
            seen.setdefault(item_id, index)
        items.append(Item(item_id, title))
    return tuple(items)


# The numbers and ids each language gives must agree; titles differ by nature.
def _language_disagreements(categories, languages) -> list[str]:
    problems = []
    default = languages[0]
    for lang in languages[1:]:
        for number, category in sorted(categories[lang].items()):
            reference = categories[default].get(number)
            if reference is None:
                continue
            where, source = category.source, reference.source
            if category.weight != reference.weight:
                problems.append(f"{where}: pmqa.weight: expected {reference.weight:g} as in {source}, got {category.weight:g}")
            ids, reference_ids = [i.id for i in category.items], [i.id for i in reference.items]
            if ids != reference_ids:
                problems.append(
                    f"{where}: pmqa.items: expected the ids of {source} ({', '.join(reference_ids)}), got {', '.join(ids)}"
                )
    return problems


# -----------------------------------------------------------------------------
# Small helpers
# -----------------------------------------------------------------------------


def _is_number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _first_line(error) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
