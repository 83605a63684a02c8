"""PMQA 4.0 criteria pages: validate the metadata on every build, render its tables.

Pages hold markers that this hook replaces with Markdown made from the metadata, so page
text and metadata cannot drift:
  <!-- pmqa:heading -->     the category page's title, "หมวด 3 …" / "Category 3: …"
  <!-- pmqa:items -->       the items of the page's category
  <!-- pmqa:levels -->      the levels and their points
  <!-- pmqa:categories -->  the seven categories, linked to their pages
  <!-- pmqa:weights -->     the category weights the overall score uses
"""

import posixpath
import re

from mkdocs.exceptions import PluginError

from officesite.criteria.metadata import CATEGORY_STEM
from officesite.criteria.site import CRITERIA_FOLDER

MARKER = re.compile(r"<!--\s*pmqa:([\w-]+)\s*-->")


# Whether a file under docs/ is a criteria category page (pmqa/category-N.md, any language).
def is_category_page(languages, src_uri: str) -> bool:
    found = languages.of_src(src_uri)
    folder, _, stem = found[1].rpartition("/") if found else ("", "", "")
    return folder == CRITERIA_FOLDER and CATEGORY_STEM.fullmatch(stem) is not None


# A category page's level-1 heading.
def category_heading(criteria, category, ui, lang, src_uri) -> str:
    return "# " + markdown_text(ui["criteria_heading"].format(number=category.number, title=category.title))


# The table of a category's items, then the guidance of each item that has some.
def items_table(criteria, category, ui, lang, src_uri) -> str:
    rows = [(item.id, item.title) for item in category.items]
    table = _table((ui["criteria_item"], ui["criteria_item_title"]), rows)
    return "\n\n".join([table, *(item_guidance(criteria, item, ui, lang) for item in category.items if item.guidance or item.evidence)])


# What each level looks like for an item and its examples of evidence, under the item's heading.
def item_guidance(criteria, item, ui, lang) -> str:
    lines = [f"### {markdown_text(item.id)} {markdown_text(item.title)}", ""]
    lines += [f"- **{markdown_text(level.name[lang])}:** {markdown_text(item.guidance[level.id])}" for level in criteria.levels if level.id in item.guidance]
    if item.evidence:
        lines += ["", f"**{markdown_text(ui['criteria_evidence'])}**", ""] + [f"- {markdown_text(text)}" for text in item.evidence]
    return "\n".join(lines)


# The table of levels, lowest first.
def levels_table(criteria, category, ui, lang, src_uri) -> str:
    rows = [(level.name[lang], _points(level.points)) for level in criteria.levels]
    return _table((ui["criteria_level"], ui["criteria_points"]), rows)


# The table of the seven categories, each linked to its page; weights only when they differ.
def categories_table(criteria, category, ui, lang, src_uri) -> str:
    categories = [c for _, c in sorted(criteria.categories[lang].items())]
    show_weights = len({c.weight for c in categories}) > 1
    page_folder = posixpath.dirname(src_uri)
    header = [ui["criteria_category"], ui["criteria_category_title"], ui["criteria_item_count"]]
    rows = []
    for c in categories:
        link = posixpath.relpath(f"{CRITERIA_FOLDER}/category-{c.number}.md", page_folder or ".")
        row = [str(c.number), f"[{markdown_text(c.title)}]({link})", str(len(c.items))]
        rows.append(row + ([_points(c.weight)] if show_weights else []))
    return _table(header + ([ui["criteria_weight"]] if show_weights else []), rows, escape=False)


# The weights the overall score uses, always shown: the rules text points to this table.
def weights_table(criteria, category, ui, lang, src_uri) -> str:
    categories = [c for _, c in sorted(criteria.categories[lang].items())]
    total = sum(c.weight for c in categories)
    rows = [(f"{c.number} {c.title}", f"{_points(c.weight)} ({100 * c.weight / total:.1f} %)") for c in categories]
    return _table((ui["criteria_category"], ui["criteria_weight_share"]), rows)


RENDERERS = {
    "heading": category_heading,
    "items": items_table,
    "levels": levels_table,
    "categories": categories_table,
    "weights": weights_table,
}
NEEDS_CATEGORY = {"heading", "items"}


# A page's Markdown with its markers replaced by what they show; a PluginError of one line
# (`where`: the file as the author knows it) for a marker it cannot show.
def with_generated_parts(markdown: str, criteria, category, ui, lang, src_uri, where) -> str:
    def replace(match):
        name = match.group(1)
        if name not in RENDERERS:
            known = ", ".join(f"<!-- pmqa:{known} -->" for known in RENDERERS)
            raise PluginError(f"{where}: body: expected one of the markers {known}, got <!-- pmqa:{name} -->")
        if name in NEEDS_CATEGORY and category is None:
            raise PluginError(f"{where}: pmqa: expected the category metadata <!-- pmqa:{name} --> shows, got none")
        return RENDERERS[name](criteria, category, ui, lang, src_uri)

    return MARKER.sub(replace, markdown)


def _table(header, rows, escape=True) -> str:
    cell = markdown_text if escape else str
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


# Metadata is text, never markup: every character that HTML or Markdown (tables, links,
# emphasis, attribute lists) would read as syntax becomes a character reference, which
# Markdown passes through and the browser shows as the character. Line breaks would end
# the table row: whitespace runs become one space.
MARKDOWN_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: f"&#{ord(c)};" for c in "\\`*_[]{}|#!~^"}})


def markdown_text(text: str) -> str:
    return " ".join(str(text).split()).translate(MARKDOWN_TEXT)


def _points(value: float) -> str:
    return f"{value:g}"
