"""The self-assessment report and its spreadsheet, for scripts/score.py. Plain Python, no MkDocs.

The calculator page prints the same report and saves the same CSV (pmqa-report.js): the
labels come from the same interface strings (`calculator_*`, `criteria_*`), the columns from
CSV_COLUMNS below, carried to the page in its data, and tests/test_browser_calculator.py
checks that the page's CSV and this one are the same bytes. What the report holds: the
office, the period, the assessor, the date, the overall score and level, each category with
its full name, score, level, gap to the next level (and the change from a baseline), then
every item with its level, note and evidence.
"""

import csv
import functools
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from officesite.criteria.pages import markdown_text
from officesite.criteria.scoring import (
    level_reached,
    next_level,
    score_assessment,
    scoring_criteria,
)

# The spreadsheet's columns: interface string keys, one list per block.
CSV_COLUMNS = {
    "items": ["criteria_category", "criteria_item", "criteria_item_title", "criteria_level", "criteria_points", "calculator_note", "calculator_evidence"],
    "summary": ["criteria_category", "criteria_category_title", "calculator_score", "calculator_level", "calculator_next_level", "calculator_gap_points"],
    "change": "calculator_change",  # the summary's last column, with a baseline
}
CSV_BOM = "\ufeff"  # Excel reads a CSV file without it in the system's code page, not UTF-8
# A spreadsheet runs a cell that starts with one of these as a formula: text cells get a quote first.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ARROWS = {1: "▲", -1: "▼", 0: ""}


# A number with a fixed number of decimals, rounded half away from zero as JavaScript's
# toFixed does (Python's own format rounds half to even): both write the same CSV.
def fixed(value: float, decimals: int) -> str:
    text = str(Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    return text.lstrip("-") if float(text) == 0 else text


# A change as shown: (sign, number) with sign 1, -1 or 0 as its rounded value is above, below or at zero.
def change_of(value: float, decimals: int) -> tuple[int, str]:
    shown = fixed(abs(value), decimals)
    return (0 if float(shown) == 0 else (1 if value > 0 else -1)), shown


# Everything the report shows, in one language; `baseline` is an earlier assessment or None.
def report_data(criteria, lang: str, ui: dict, assessment: dict, office: str, date: str, baseline: dict | None = None) -> dict:
    scoring = scoring_criteria(criteria)
    names = {level.id: level.name[lang] for level in (criteria.not_reached, *criteria.levels)}
    points = {level.id: level.points for level in (criteria.not_reached, *criteria.levels)}
    result = score_assessment(scoring, assessment["levels"])
    before = score_assessment(scoring, baseline["levels"]) if baseline else None

    def score(value, earlier):
        following = next_level(scoring, value)
        return {
            "score": value,
            "level": names[level_reached(scoring, value)],
            "next": following and {"name": names[following["level"]], "gap": following["gap"]},
            "change": None if earlier is None else value - earlier,
        }

    categories = []
    for number, category in sorted(criteria.categories[lang].items()):
        key = str(number)
        items = [
            {
                "id": item.id,
                "title": item.title,
                "level": names[assessment["levels"][item.id]] if item.id in assessment["levels"] else ui["calculator_unanswered"],
                "points": points[assessment["levels"].get(item.id, criteria.not_reached.id)],
                "note": assessment["notes"].get(item.id, ""),
                "evidence": assessment["evidence"].get(item.id, []),
            }
            for item in category.items
        ]
        heading = ui["criteria_heading"].format(number=number, title=category.title)
        categories.append({"number": number, "title": category.title, "heading": heading, "items": items,
                           **score(result["categories"][key], before and before["categories"][key])})
    return {
        "office": office,
        "period": assessment["period"],
        "assessor": assessment["assessor"],
        "date": date,
        "baseline_period": baseline["period"] if baseline else None,
        "answered": len(assessment["levels"]),
        "total": sum(len(c["items"]) for c in categories),
        "overall": score(result["overall"], before and before["overall"]),
        "categories": categories,
        "decimals": criteria.display_decimals,
        "chart_max": max(level.points for level in criteria.levels),  # the chart's scale: the highest level
    }


# -----------------------------------------------------------------------------
# Spreadsheet
# -----------------------------------------------------------------------------


# The CSV file's text (a BOM first): the items, a blank line, the summary, a blank line, the details.
def report_csv(report: dict, ui: dict) -> str:
    decimals = report["decimals"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # the csv module's dialect: comma, quotes where needed, CRLF
    writer.writerow([ui[key] for key in CSV_COLUMNS["items"]])
    for category in report["categories"]:
        for item in category["items"]:
            writer.writerow([str(category["number"]), item["id"], _text(item["title"]), _text(item["level"]), f"{item['points']:g}",
                             _text(item["note"]), _text("\n".join(item["evidence"]))])
    writer.writerow([])
    with_change = report["baseline_period"] is not None
    writer.writerow([ui[key] for key in CSV_COLUMNS["summary"]] + ([ui[CSV_COLUMNS["change"]]] if with_change else []))
    rows = [(str(c["number"]), c["title"], c) for c in report["categories"]] + [(ui["calculator_overall"], "", report["overall"])]
    for first, title, shown in rows:
        following = shown["next"]
        row = [_text(first), _text(title), fixed(shown["score"], decimals), _text(shown["level"]),
               _text(following["name"]) if following else "", fixed(following["gap"], decimals) if following else ""]
        if with_change:
            sign, number = change_of(shown["change"], decimals)
            row.append(f"-{number}" if sign < 0 else number)
        writer.writerow(row)
    writer.writerow([])
    for key, value in _details(report, ui):
        writer.writerow([_text(ui[key]), _text(value)])
    return CSV_BOM + buffer.getvalue()


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


# The report's details, label key and value, those that are set.
def _details(report: dict, ui: dict) -> list[tuple[str, str]]:
    details = [("calculator_office", report["office"]), ("calculator_period", report["period"]),
               ("calculator_assessor", report["assessor"]), ("calculator_report_date", report["date"])]
    if report["baseline_period"] is not None:
        details.append(("calculator_baseline", report["baseline_period"] or ui["calculator_not_given"]))
    return [(key, value or ui["calculator_not_given"]) for key, value in details]


# -----------------------------------------------------------------------------
# Markdown and HTML
# -----------------------------------------------------------------------------


def _gap(shown: dict, ui: dict, decimals: int) -> str:
    following = shown["next"]
    return ui["calculator_gap_value"].format(gap=fixed(following["gap"], decimals), level=following["name"]) if following else ui["calculator_gap_none"]


# The chart, as the page draws it: each category's score as a share of the highest level's.
CHART_WIDTH = 25  # characters of the Markdown report's bars


def _chart_rows(report: dict, ui: dict) -> list[tuple[str, float, str]]:
    return [
        (f"{ui['criteria_category']} {c['number']}", max(0.0, min(c["score"], report["chart_max"])) / report["chart_max"], fixed(c["score"], report["decimals"]))
        for c in report["categories"]
    ]


def _change(shown: dict, decimals: int) -> str:
    sign, number = change_of(shown["change"], decimals)
    return f"{ARROWS[sign]} {number}".strip()


# The overall results, one line of text each; each format escapes them.
def _overall_lines(report: dict, ui: dict) -> list[str]:
    decimals, overall = report["decimals"], report["overall"]
    lines = [f"{ui['calculator_overall']}: {fixed(overall['score'], decimals)}",
             f"{ui['calculator_overall_level']}: {overall['level']}",
             f"{ui['calculator_gap']}: {_gap(overall, ui, decimals)}",
             ui["calculator_answered"].format(answered=report["answered"], total=report["total"])]
    if report["baseline_period"] is not None:
        lines.append(f"{ui['calculator_change']}: {_change(overall, decimals)}")
    return lines


# The categories' table as text: its header and a row per category (heading first).
def _category_table(report: dict, ui: dict) -> tuple[list[str], list[list[str]]]:
    decimals, with_change = report["decimals"], report["baseline_period"] is not None
    header = [ui["criteria_category"], ui["calculator_score"], ui["calculator_level"], ui["calculator_gap"]] + ([ui["calculator_change"]] if with_change else [])
    rows = [[c["heading"], fixed(c["score"], decimals), c["level"], _gap(c, ui, decimals)] + ([_change(c, decimals)] if with_change else []) for c in report["categories"]]
    return header, rows


# The report as Markdown, every text escaped (markdown_text: no Markdown or HTML survives).
def report_markdown(report: dict, ui: dict) -> str:
    text = markdown_text
    lines = [f"# {text(ui['calculator_report_title'])}", ""]
    lines += [f"- {text(ui[key])}: {text(value)}" for key, value in _details(report, ui)]
    lines += ["", f"## {text(ui['calculator_results'])}", ""]
    lines += [f"- {text(line)}" for line in _overall_lines(report, ui)]
    header, rows = _category_table(report, ui)
    lines += ["", "| " + " | ".join(text(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(text(cell) for cell in row) + " |" for row in rows]
    # A text chart in a code block: bars of full blocks, the scale up to the highest level.
    rows = _chart_rows(report, ui)
    label_width = max(len(label) for label, _, _ in rows)
    lines += ["", f"{text(ui['calculator_chart'])}:", "", "```"]
    lines += [f"{label.ljust(label_width)} {('█' * round(share * CHART_WIDTH)).ljust(CHART_WIDTH)} {value}" for label, share, value in rows]
    lines += ["```"]
    for c in report["categories"]:
        lines += ["", f"## {text(c['heading'])}"]
        for item in c["items"]:
            lines += ["", f"### {text(item['id'])} {text(item['title'])}", "", f"- {text(ui['criteria_level'])}: {text(item['level'])} ({item['points']:g})"]
            if item["note"]:
                lines.append(f"- {text(ui['calculator_note'])}:" + "".join(f"  \n  {text(line)}" for line in item["note"].splitlines() if line.strip()))
            if item["evidence"]:
                lines.append(f"- {text(ui['calculator_evidence'])}:")
                lines += [f"    - {text(entry)}" for entry in item["evidence"]]
    return "\n".join(lines) + "\n"


# The report as a standalone HTML document in the language `lang`: report.html beside this
# file, autoescaped, so every text lands escaped.
def report_html(report: dict, ui: dict, lang: str) -> str:
    header, rows = _category_table(report, ui)
    return _templates().get_template(REPORT_TEMPLATE).render(
        lang=lang, ui=ui, report=report, details=_details(report, ui), overall_lines=_overall_lines(report, ui),
        table_header=header, table_rows=rows, chart_rows=_chart_rows(report, ui),
    )


REPORT_TEMPLATE = "report.html"


# The report's template environment: autoescape on for every template, a misspelt name an error.
@functools.cache
def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(Path(__file__).parent), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
