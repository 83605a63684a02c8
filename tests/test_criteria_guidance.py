"""Guidance per item and level: the two optional item fields of the criteria metadata, checked
like every other field and shown only where set, on the category pages and in the calculator.
The texts below are test placeholders, marked as such: the project ships the fields empty."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from officesite.criteria.metadata import CriteriaError, load_criteria
from site_copy import copy_site
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite, shown_text

PLACEHOLDER = {DEFAULT: "[ข้อความทดสอบ ไม่ใช่ข้อความของ ก.พ.ร.]", OTHER: "[Test text, not OPDC's]"}


def guidance_yaml(lang, levels=("basic", "advance"), evidence=2, extra="") -> str:
    text = PLACEHOLDER[lang]
    lines = ["      guidance:"] + [f'        {level}: "{text} {level} <b>&amp;"' for level in levels]
    lines += ["      evidence:"] + [f'        - "{text} evidence {n}"' for n in range(1, evidence + 1)]
    return "\n".join(lines) + extra + "\n"


def add_guidance(folder: Path, lang, item="1.1", **options):
    page = folder / LANGUAGES.file_name("category-1", lang)
    text = page.read_text(encoding="utf-8")
    start = text.index(f'    - id: "{item}"\n')
    end = text.index("\n", text.index("title:", start)) + 1
    page.write_text(text[:end] + guidance_yaml(lang, **options) + text[end:], encoding="utf-8")


@pytest.fixture
def criteria_dir(tmp_path) -> Path:
    folder = tmp_path / "docs" / "pmqa"
    shutil.copytree(ROOT / "docs" / "pmqa", folder)
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CriteriaError) as caught:
        load_criteria(folder, LANGUAGES, display_root=folder.parent.parent)
    return caught.value.problems


def test_the_shipped_criteria_have_no_guidance():
    criteria = load_criteria(ROOT / "docs" / "pmqa", LANGUAGES)
    items = [item for lang in LANGUAGES.codes for c in criteria.categories[lang].values() for item in c.items]
    assert [item.id for item in items if item.guidance or item.evidence] == []


def test_guidance_in_both_languages_is_read_in_level_order(criteria_dir):
    for lang in LANGUAGES.codes:
        add_guidance(criteria_dir, lang)
    criteria = load_criteria(criteria_dir, LANGUAGES)
    item = criteria.categories[OTHER][1].items[0]
    assert item.guidance == {"basic": f"{PLACEHOLDER[OTHER]} basic <b>&amp;", "advance": f"{PLACEHOLDER[OTHER]} advance <b>&amp;"}
    assert item.evidence == (f"{PLACEHOLDER[OTHER]} evidence 1", f"{PLACEHOLDER[OTHER]} evidence 2")
    assert criteria.categories[DEFAULT][1].items[1].guidance == {}


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"levels": ("basic", "gold")}, 'pmqa.items[0].guidance.gold: expected a level id of levels.yml (basic, advance, significance), got "gold"'),
        ({"levels": ("none",)}, "pmqa.items[0].guidance.none: expected a level id of levels.yml"),
        ({"extra": "\n        - 5"}, "pmqa.items[0].evidence[2]: expected text, got a number (5)"),
    ],
)
def test_a_wrong_guidance_field_is_named(criteria_dir, change, expected):
    for lang in LANGUAGES.codes:
        add_guidance(criteria_dir, lang, **change)
    problems = problems_of(criteria_dir)
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith("docs/pmqa/category-1") for problem in problems)


def test_guidance_in_one_language_only_is_named_in_the_other(criteria_dir):
    add_guidance(criteria_dir, DEFAULT)
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/{LANGUAGES.file_name('category-1', OTHER)}: pmqa.items[0].guidance: expected a value as in docs/pmqa/category-1.{DEFAULT}.md, got none",
        f"docs/pmqa/{LANGUAGES.file_name('category-1', OTHER)}: pmqa.items[0].evidence: expected a value as in docs/pmqa/category-1.{DEFAULT}.md, got none",
    ]


def test_languages_must_agree_on_the_levels_and_the_number_of_examples(criteria_dir):
    add_guidance(criteria_dir, DEFAULT, levels=("basic", "advance"), evidence=2)
    add_guidance(criteria_dir, OTHER, levels=("basic",), evidence=1)
    problems = problems_of(criteria_dir)
    assert len(problems) == 2, problems
    assert problems[0].endswith(f"pmqa.items[0].guidance: expected the keys advance, basic as in docs/pmqa/category-1.{DEFAULT}.md, got the keys basic")
    assert problems[1].endswith(f"pmqa.items[0].evidence: expected 2 entries as in docs/pmqa/category-1.{DEFAULT}.md, got 1 entry")


def test_guidance_that_is_not_a_mapping_or_holds_a_control_character_is_named(criteria_dir):
    page = criteria_dir / f"category-2.{DEFAULT}.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace('      title: "การกำหนดเป้าหมาย', '      guidance: "just text"\n      evidence: ["ok\\u0007"]\n      title: "การกำหนดเป้าหมาย', 1)
    page.write_text(text, encoding="utf-8")
    problems = problems_of(criteria_dir)
    assert f"docs/pmqa/category-2.{DEFAULT}.md: pmqa.items[1].guidance: expected what each level looks like, e.g. {{basic: …, advance: …}}, got text" in problems
    assert any(p.startswith(f"docs/pmqa/category-2.{DEFAULT}.md: pmqa.items[1].evidence[0]: expected text without control characters, got U+0007") for p in problems)


# One copy of the project, built once: guidance on item 1.1, and an item 1.5 added to category 1.
@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> BuiltSite:
    project = copy_site(tmp_path_factory.mktemp("guidance") / "project")
    folder = project / "docs" / "pmqa"
    for lang, title in ((DEFAULT, "ประเด็นทดสอบที่เพิ่มใหม่"), (OTHER, "A new test item")):
        add_guidance(folder, lang)
        page = folder / LANGUAGES.file_name("category-1", lang)
        text = page.read_text(encoding="utf-8")
        end = text.index("\n---", text.index('    - id: "1.4"\n'))
        page.write_text(text[:end] + f'\n    - id: "1.5"\n      title: "{title}"' + text[end:], encoding="utf-8")
    result = build_site(project, project.parent / "out")
    assert result.returncode == 0, result.stderr
    return BuiltSite(project.parent / "out")


@pytest.mark.build
def test_an_item_added_to_the_metadata_appears_in_the_calculator(changed_site):
    for lang, title in ((DEFAULT, "ประเด็นทดสอบที่เพิ่มใหม่"), (OTHER, "A new test item")):
        soup = changed_site.soup(LANGUAGES.path("pmqa/calculator/", lang))
        data = json.loads(soup.select_one("[data-pmqa-data]").string)
        assert data["scoring"]["categories"][0]["items"] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
        assert len(soup.select('input[name="item-1.5"]')) == 4
        assert len(soup.select('[data-pmqa-note="1.5"]')) == 1
        assert title in soup.select_one("form[data-pmqa-form]").get_text()


@pytest.mark.build
def test_guidance_shows_on_the_category_page_and_collapsed_in_the_calculator(changed_site):
    site = changed_site
    for lang in LANGUAGES.codes:
        text = PLACEHOLDER[lang]
        page = site.soup(LANGUAGES.path("pmqa/category-1/", lang))
        heading = next(h for h in page.select("article h3") if h.get_text().startswith("1.1 "))
        shown = shown_text(heading.find_next("ul"))
        assert f"{text} basic <b>&amp;" in shown and f"{text} advance <b>&amp;" in shown  # as text, never markup
        assert page.select_one("article b") is None
        assert f"{text} evidence 2" in heading.find_next("ul").find_next("ul").get_text()
        assert len(page.select("article h3")) == 1  # only the item that has guidance
        calculator = site.soup(LANGUAGES.path("pmqa/calculator/", lang))
        details = calculator.select(".site-calculator__guidance")
        assert len(details) == 1 and details[0].get("open") is None
        assert details[0].find_parent("fieldset").select_one("legend").get_text().startswith("1.1 ")
        assert [dd.get_text() for dd in details[0].select("dd")] == [f"{text} basic <b>&amp;", f"{text} advance <b>&amp;"]
        assert [li.get_text() for li in details[0].select("li")] == [f"{text} evidence 1", f"{text} evidence 2"]
