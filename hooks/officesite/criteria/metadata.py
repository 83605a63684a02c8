"""PMQA 4.0 criteria metadata: read, validate and hold it. Plain Python, no MkDocs.

The metadata lives once, under docs/pmqa/ (schema: docs/pmqa/README.md):
- the front matter key `pmqa` of each category page, one page per category and language
  (`category-3.md` Thai, `category-3.en.md` English);
- `levels.yml`: the levels, their points, and the scoring parameters.
Pages, the calculator and scripts/score.py are all derived from what `load_criteria` returns.
Every problem found is reported as one line `file: field: expected …, got …`.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from officesite.criteria.guidance import (  # issue 15: optional guidance per item
    GUIDANCE_FIELDS,
    guidance_problems,
    read_guidance,
)
from officesite.languages import Languages
from officesite.metadata import (
    MetadataError,
    kind_of,
    list_problem,
    number_problem,
    printable,
    read_front_matter,
    read_yaml_file,
    shown_number,
    shown_path,
    text_problem,
)

CATEGORY_NUMBERS = tuple(range(1, 8))
LEVELS_FILE = "levels.yml"
CATEGORY_GLOB = "category-*.md"
CATEGORY_STEM = re.compile(r"category-([1-7])")  # the file name without its language
DEFAULT_WEIGHT = 1
# Bounds that catch typing mistakes (.inf, an extra zero) long before the calculator breaks.
MAX_WEIGHT = 100
MAX_POINTS = 10000
MAX_DISPLAY_DECIMALS = 3


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    guidance: dict = field(default_factory=dict)  # level id -> text (officesite.criteria.guidance)
    evidence: tuple = ()  # examples of evidence


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
    problems: list[str] = []
    levels, not_reached, decimals = _read_levels(folder / LEVELS_FILE, languages, shown, problems)
    categories = {lang: {} for lang in languages.codes}  # the valid categories, compared across languages
    found = {lang: set() for lang in languages.codes}  # the category numbers that have a page, valid or not
    for path in sorted(folder.glob(CATEGORY_GLOB)):
        number, lang = _number_and_language(path, languages)
        if number is None:
            others = "|".join(languages.others)
            problems.append(f"{shown(path)}: file name: expected category-N.md or category-N.<{others}>.md with N from 1 to 7, got {shown(path.name)}")
            continue
        found[lang].add(number)
        category = _read_category(path, number, shown(path), problems)
        if category is not None:
            categories[lang][number] = category
    for lang in languages.codes:
        missing = [str(n) for n in CATEGORY_NUMBERS if n not in found[lang]]
        if missing:
            problems.append(f"{shown(folder)}: {lang}: expected one page for each category 1-7, missing {', '.join(missing)}")
    problems += _language_disagreements(categories, languages)
    problems += guidance_problems(categories, [level.id for level in levels], languages)
    if problems:
        raise CriteriaError(problems)
    return Criteria(levels, not_reached, decimals, categories)


# "category-3.<other>.md" -> (3, other); "category-3.md" -> (3, the default language); (None,
# None) for any other name. The number in the file name is the page's category.
def _number_and_language(path: Path, languages: Languages):
    found = languages.of_file(path.name)
    match = found and CATEGORY_STEM.fullmatch(found[1])
    if not match:
        return None, None
    return int(match.group(1)), found[0]


# -----------------------------------------------------------------------------
# Levels file
# -----------------------------------------------------------------------------

LEVEL_FIELDS = {"id", "name", "points"}
LEVELS_FILE_FIELDS = {"levels", "not_reached", "display_decimals"}


def _read_levels(path: Path, languages, shown, problems):
    where = shown(path)
    try:
        data = read_yaml_file(path, where)
    except MetadataError as error:
        problems += error.problems
        return (), None, 0
    if not isinstance(data, dict):
        problems.append(f"{where}: file: expected a mapping with {', '.join(sorted(LEVELS_FILE_FIELDS))}, got {kind_of(data)}")
        return (), None, 0
    problems += [f"{where}: {key}: unknown field" for key in data if key not in LEVELS_FILE_FIELDS]

    levels = []
    raw_levels = data.get("levels")
    problem = list_problem(raw_levels, "a list of levels, e.g. [{id: basic, name: {th: …, en: …}, points: 300}]")
    if problem:
        problems.append(f"{where}: levels: {problem}")
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
                f"{where}: levels[{index}].points: expected more than {shown_number(levels[index - 1].points)} "
                f"(points strictly increase), got {shown_number(levels[index].points)}"
            )
    if not_reached and levels and not not_reached.points < levels[0].points:
        problems.append(f"{where}: not_reached.points: expected less than {shown_number(levels[0].points)}, got {shown_number(not_reached.points)}")

    decimals = data.get("display_decimals", 1)
    problem = number_problem(decimals, MAX_DISPLAY_DECIMALS, whole=True)
    if problem:
        problems.append(f"{where}: display_decimals: {problem}")
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
        problems += [f"{where}: {field}.name.{lang}: {text_problem(name.get(lang))}" for lang in languages.codes if text_problem(name.get(lang))]
    problem = number_problem(points, MAX_POINTS)
    if problem:
        problems.append(f"{where}: {field}.points: {problem}")
    if len(problems) > start:
        return None
    return Level(level_id, {lang: name[lang].strip() for lang in languages.codes}, float(points))


# -----------------------------------------------------------------------------
# Category pages
# -----------------------------------------------------------------------------

CATEGORY_FIELDS = {"category", "title", "weight", "items"}
ITEM_FIELDS = {"id", "title", *GUIDANCE_FIELDS}


# The Category of the page for category `number` (from its file name), None when it has problems.
def _read_category(path: Path, number: int, where: str, problems) -> Category | None:
    try:
        meta = read_front_matter(path, where)
    except MetadataError as error:
        problems += error.problems
        return None
    raw = meta.get("pmqa") if isinstance(meta, dict) else None
    if not isinstance(raw, dict) or not raw:
        problems.append(f"{where}: pmqa: expected the category metadata (category, title, items), got {kind_of(raw)}")
        return None
    declared = raw.get("category")
    whole = isinstance(declared, int) and not isinstance(declared, bool)
    if not (whole and declared == number):
        # one line: the file name and the number disagree, so its item ids cannot be judged
        shown = declared if whole else kind_of(declared)
        problems.append(f"{where}: pmqa.category: expected {number}, the number in the file name {path.name}, got {shown}")
        return None
    start = len(problems)
    problems += [f"{where}: pmqa.{key}: unknown field" for key in raw if key not in CATEGORY_FIELDS]
    title = raw.get("title")
    if text_problem(title):
        problems.append(f"{where}: pmqa.title: {text_problem(title)}")
    weight = raw.get("weight", DEFAULT_WEIGHT)
    problem = number_problem(weight, MAX_WEIGHT, positive=True)
    if problem:
        problems.append(f"{where}: pmqa.weight: {problem}")
    items = _read_items(raw.get("items"), number, where, problems)
    if len(problems) > start:
        return None
    return Category(number, title.strip(), float(weight), items, where)


def _read_items(raw_items, number, where, problems) -> tuple[Item, ...]:
    problem = list_problem(raw_items, 'a list of items, e.g. [{id: "1.1", title: …}]')
    if problem:
        problems.append(f"{where}: pmqa.items: {problem}")
        return ()
    items, seen = [], {}
    for index, raw in enumerate(raw_items):
        field = f"items[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{where}: {field}: expected a mapping with id and title, got {kind_of(raw)}")
            continue
        problems += [f"{where}: {field}.{key}: unknown field" for key in raw if key not in ITEM_FIELDS]
        item_id, title = raw.get("id"), raw.get("title")
        if text_problem(title):
            problems.append(f"{where}: {field}.title: {text_problem(title)}")
        if not isinstance(item_id, str):
            hint = " (quote it in YAML)" if isinstance(item_id, (int, float)) and not isinstance(item_id, bool) else ""
            problems.append(f'{where}: {field}.id: expected text such as "{number}.{index + 1}"{hint}, got {item_id!r}')
        else:
            expected, item_id = f"{number}.{index + 1}", printable(item_id)
            if item_id.split(".")[0] != str(number):
                problems.append(f'{where}: {field}.id: expected an item of category {number} ("{expected}"), got "{item_id}"')
            elif item_id in seen:
                problems.append(f'{where}: {field}.id: "{item_id}" is already the id of items[{seen[item_id]}]')
            elif item_id != expected:
                problems.append(f'{where}: {field}.id: expected "{expected}", got "{item_id}"')
            seen.setdefault(item_id, index)
        guidance = read_guidance(raw, f"{where}: {field}", problems)
        items.append(Item(item_id, title.strip() if isinstance(title, str) else title, **guidance))
    return tuple(items)


# The numbers and ids each language gives must agree; titles differ by nature.
def _language_disagreements(categories, languages) -> list[str]:
    problems = []
    default = languages.default
    for lang in languages.others:
        for number, category in sorted(categories[lang].items()):
            reference = categories[default].get(number)
            if reference is None:
                continue
            where, source = category.source, reference.source
            if category.weight != reference.weight:
                problems.append(f"{where}: pmqa.weight: expected {shown_number(reference.weight)} as in {source}, got {shown_number(category.weight)}")
            ids, reference_ids = [i.id for i in category.items], [i.id for i in reference.items]
            if ids != reference_ids:
                problems.append(
                    f"{where}: pmqa.items: expected the ids of {source} ({', '.join(reference_ids)}), got {', '.join(ids)}"
                )
    return problems
