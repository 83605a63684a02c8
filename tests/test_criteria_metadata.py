"""Validation of the PMQA criteria metadata: one test per rule, each with its own bad fixture."""

import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT
from officesite.criteria.metadata import CriteriaError, load_criteria
from site_files import DEFAULT, LANGUAGES, OTHER


@pytest.fixture
def criteria_dir(tmp_path) -> Path:
    """A copy of the real criteria folder, as docs/pmqa/ under a temporary project."""
    folder = tmp_path / "docs" / "pmqa"
    shutil.copytree(ROOT / "docs" / "pmqa", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CriteriaError) as caught:
        load_criteria(folder, LANGUAGES, display_root=folder.parent.parent)
    return caught.value.problems


def test_the_real_metadata_is_valid():
    criteria = load_criteria(ROOT / "docs" / "pmqa", LANGUAGES)
    for lang in LANGUAGES.codes:
        assert sorted(criteria.categories[lang]) == [1, 2, 3, 4, 5, 6, 7]
        assert [len(c.items) for _, c in sorted(criteria.categories[lang].items())] == [4, 4, 4, 4, 4, 4, 6]
    assert [(level.id, level.points) for level in criteria.levels] == [("basic", 300), ("advance", 400), ("significance", 500)]
    assert criteria.not_reached.points == 0


def test_a_missing_required_field_is_named(criteria_dir):
    edit(criteria_dir / f"category-2.{DEFAULT}.md", '  title: "การวางแผนเชิงยุทธศาสตร์"\n', "")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-2.{DEFAULT}.md: pmqa.title: expected text, got nothing"]


def test_an_unquoted_item_id_is_a_type_error_with_a_hint(criteria_dir):
    edit(criteria_dir / f"category-1.{DEFAULT}.md", 'id: "1.2"', "id: 1.2")
    assert problems_of(criteria_dir) == [f'docs/pmqa/category-1.{DEFAULT}.md: pmqa.items[1].id: expected text such as "1.1" (quote it in YAML), got 1.2']


def test_a_category_missing_in_one_language(criteria_dir):
    (criteria_dir / f"category-4.{OTHER}.md").unlink()
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-4.{OTHER}.md: file: expected the English page of category 4, got none"]


def test_a_category_number_that_disagrees_with_its_file_name_is_one_line(criteria_dir):
    # a category defined twice: category-2.md holds category 1 (one line, not one per item id)
    shutil.copy(criteria_dir / f"category-1.{DEFAULT}.md", criteria_dir / f"category-2.{DEFAULT}.md")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-2.{DEFAULT}.md: pmqa.category: expected 2, the number in the file name category-2.{DEFAULT}.md, got 1"]


def test_an_item_id_must_belong_to_its_category(criteria_dir):
    edit(criteria_dir / f"category-3.{DEFAULT}.md", 'id: "3.2"', 'id: "4.2"')
    assert problems_of(criteria_dir)[0] == f'docs/pmqa/category-3.{DEFAULT}.md: pmqa.items[1].id: expected an item of category 3 ("3.2"), got "4.2"'


def test_item_ids_are_unique(criteria_dir):
    edit(criteria_dir / f"category-3.{DEFAULT}.md", 'id: "3.3"', 'id: "3.2"')
    assert problems_of(criteria_dir)[0] == f'docs/pmqa/category-3.{DEFAULT}.md: pmqa.items[2].id: expected "3.3", got "3.2", already the id of pmqa.items[1]'


def test_item_ids_are_in_order(criteria_dir):
    edit(criteria_dir / f"category-3.{OTHER}.md", 'id: "3.3"', 'id: "3.5"')
    assert problems_of(criteria_dir)[0] == f'docs/pmqa/category-3.{OTHER}.md: pmqa.items[2].id: expected "3.3", got "3.5"'


def test_level_points_strictly_increase(criteria_dir):
    edit(criteria_dir / "levels.yml", "points: 400", "points: 300")
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: levels[1].points: expected more than 300 (points strictly increase), got 300"]


@pytest.mark.parametrize("weight", ["0", "-1", '"heavy"', "true"])
def test_weights_are_positive_numbers(criteria_dir, weight):
    edit(criteria_dir / f"category-5.{DEFAULT}.md", "  category: 5\n", f"  category: 5\n  weight: {weight}\n")
    problems = problems_of(criteria_dir)
    assert problems[0].startswith(f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a positive number, got")


def test_thai_and_english_agree_on_ids(criteria_dir):
    edit(criteria_dir / f"category-6.{OTHER}.md", '    - id: "6.4"\n      title: "Focusing on effectiveness across the organisation and on the impact on the national strategy and results"\n', "")
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/category-6.{OTHER}.md: pmqa.items: expected the ids of docs/pmqa/category-6.{DEFAULT}.md (6.1, 6.2, 6.3, 6.4), got 6.1, 6.2, 6.3"
    ]


def test_thai_and_english_agree_on_weights(criteria_dir):
    edit(criteria_dir / f"category-7.{DEFAULT}.md", "  category: 7\n", "  category: 7\n  weight: 2\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-7.{OTHER}.md: pmqa.weight: expected 2 as in docs/pmqa/category-7.{DEFAULT}.md, got 1"]


def test_unknown_fields_are_reported(criteria_dir):
    edit(criteria_dir / f"category-1.{DEFAULT}.md", "  category: 1\n", "  category: 1\n  wieght: 2\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-1.{DEFAULT}.md: pmqa.wieght: expected one of category, title, weight, items, got an unknown field"]


def test_invalid_yaml_is_reported_not_raised(criteria_dir):
    edit(criteria_dir / f"category-1.{DEFAULT}.md", "  category: 1\n", "  category: [1\n")
    assert problems_of(criteria_dir)[0].startswith(f"docs/pmqa/category-1.{DEFAULT}.md: front matter: expected valid YAML, got")


def test_all_problems_are_reported_together(criteria_dir):
    edit(criteria_dir / f"category-3.{OTHER}.md", 'id: "3.3"', 'id: "3.5"')
    edit(criteria_dir / "levels.yml", "points: 500", "points: 450.5\n    colour: red")
    problems = problems_of(criteria_dir)
    assert f'docs/pmqa/category-3.{OTHER}.md: pmqa.items[2].id: expected "3.3", got "3.5"' in problems
    assert "docs/pmqa/levels.yml: levels[2].colour: expected one of id, name, points, got an unknown field" in problems


# -----------------------------------------------------------------------------
# Numbers, texts and files read like every metadata file
# -----------------------------------------------------------------------------


def test_an_infinite_weight_is_named(criteria_dir):
    edit(criteria_dir / f"category-5.{DEFAULT}.md", "  category: 5\n", "  category: 5\n  weight: .inf\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a positive number of at most 100, got .inf"]


def test_a_nan_weight_blames_its_own_file(criteria_dir):
    edit(criteria_dir / f"category-7.{DEFAULT}.md", "  category: 7\n", "  category: 7\n  weight: .nan\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-7.{DEFAULT}.md: pmqa.weight: expected a positive number, got .nan"]


def test_an_absurd_weight_is_named(criteria_dir):
    edit(criteria_dir / f"category-5.{DEFAULT}.md", "  category: 5\n", "  category: 5\n  weight: 1000\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a positive number of at most 100, got 1000"]


def test_infinite_points_are_named(criteria_dir):
    edit(criteria_dir / "levels.yml", "points: 500", "points: .inf")
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: levels[2].points: expected a number from 0 to 10000, got .inf"]


def test_absurd_points_are_named(criteria_dir):
    edit(criteria_dir / "levels.yml", "points: 500", "points: 5000000")
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: levels[2].points: expected a number from 0 to 10000, got 5000000"]


def test_infinite_display_decimals_are_named(criteria_dir):
    edit(criteria_dir / "levels.yml", "display_decimals: 1", "display_decimals: .inf")
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: display_decimals: expected a whole number from 0 to 3, got a number (.inf)"]


def test_an_empty_item_list_says_empty(criteria_dir):
    text = (criteria_dir / f"category-4.{DEFAULT}.md").read_text(encoding="utf-8")
    items = text[text.index("  items:\n") : text.index("---", 4)]
    edit(criteria_dir / f"category-4.{DEFAULT}.md", items, "  items: []\n")
    assert problems_of(criteria_dir) == [f'docs/pmqa/category-4.{DEFAULT}.md: pmqa.items: expected a list of items, e.g. [{{id: "1.1", title: …}}], got an empty list']


def test_an_empty_title_says_empty(criteria_dir):
    edit(criteria_dir / f"category-2.{DEFAULT}.md", '  title: "การวางแผนเชิงยุทธศาสตร์"\n', "  title: ''\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-2.{DEFAULT}.md: pmqa.title: expected text, got an empty text"]


def test_a_category_number_swapped_with_another_file_is_one_line_each(criteria_dir):
    edit(criteria_dir / f"category-3.{DEFAULT}.md", "  category: 3\n", "  category: 4\n")
    edit(criteria_dir / f"category-4.{DEFAULT}.md", "  category: 4\n", "  category: 3\n")
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/category-3.{DEFAULT}.md: pmqa.category: expected 3, the number in the file name category-3.{DEFAULT}.md, got 4",
        f"docs/pmqa/category-4.{DEFAULT}.md: pmqa.category: expected 4, the number in the file name category-4.{DEFAULT}.md, got 3",
    ]


def test_a_file_name_without_a_category_number_is_named(criteria_dir):
    shutil.copy(criteria_dir / f"category-1.{DEFAULT}.md", criteria_dir / f"category-8.{DEFAULT}.md")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-8.{DEFAULT}.md: file name: expected category-N.<{'|'.join(LANGUAGES.codes)}>.md with N from 1 to 7, got category-8.{DEFAULT}.md"]


@pytest.mark.parametrize("escape, code", [(r"\x0b", "U+000B"), (r"\x01", "U+0001"), (r"\0", "U+0000"), (r"\uFFFE", "U+FFFE")])
def test_an_item_title_with_a_character_xml_forbids_is_named(criteria_dir, escape, code):
    edit(criteria_dir / f"category-1.{OTHER}.md", 'id: "1.2"\n      title: "', f'id: "1.2"\n      title: "{escape}')
    problems = problems_of(criteria_dir)
    assert len(problems) == 1 and problems[0].startswith(f"docs/pmqa/category-1.{OTHER}.md: pmqa.items[1].title: expected text without control characters, got {code} (")


def test_a_level_name_with_a_control_character_is_named(criteria_dir):
    edit(criteria_dir / "levels.yml", "en: Basic}", 'en: "Basic\\x01"}')
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: levels[0].name.en: expected text without control characters, got U+0001 (\\x01) at character 6"]


def test_a_criteria_page_saved_in_windows_874_is_named(criteria_dir):
    path = criteria_dir / f"category-2.{DEFAULT}.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp874"))
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/category-2.{DEFAULT}.md: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
        "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
    ]


def test_a_criteria_page_with_a_utf8_bom_is_read(criteria_dir):
    path = criteria_dir / f"category-2.{DEFAULT}.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_criteria(criteria_dir, LANGUAGES).categories[DEFAULT][2].title == "การวางแผนเชิงยุทธศาสตร์"


def test_a_field_given_twice_in_the_levels_file_is_named(criteria_dir):
    edit(criteria_dir / "levels.yml", "display_decimals: 1", "display_decimals: 1\ndisplay_decimals: 2")
    problems = problems_of(criteria_dir)
    assert len(problems) == 1 and problems[0].startswith("docs/pmqa/levels.yml: display_decimals: expected the field once, got it twice (lines ")


def test_an_alias_bomb_in_the_items_is_refused_in_well_under_a_second(criteria_dir):
    levels = "".join(f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]\n" for n in range(1, 9))
    bomb = f"x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n{levels}"
    edit(criteria_dir / f"category-6.{DEFAULT}.md", "---\n", "---\n" + bomb)
    edit(criteria_dir / f"category-6.{DEFAULT}.md", "  items:\n", "  items: *x8\n  old_items:\n")
    start = time.perf_counter()
    problems = problems_of(criteria_dir)
    assert time.perf_counter() - start < 0.5
    assert problems == [f"docs/pmqa/category-6.{DEFAULT}.md: x1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted"]


def test_a_folder_named_like_a_criteria_page_is_named(criteria_dir):
    (criteria_dir / f"category-3.{OTHER}.md").unlink()
    (criteria_dir / f"category-3.{OTHER}.md").mkdir()
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-3.{OTHER}.md: file: expected a file, got a folder (rename or remove it)"]


def test_a_weight_too_small_to_mean_anything_is_named(criteria_dir):
    edit(criteria_dir / f"category-5.{DEFAULT}.md", "  category: 5\n", "  category: 5\n  weight: 1.0e-320\n")
    assert problems_of(criteria_dir) == [f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a positive number of at least 0.01, got 1e-320"]


@pytest.mark.parametrize("digits", [400, 5000])
def test_points_of_absurd_length_are_one_line_not_a_crash(criteria_dir, digits):
    edit(criteria_dir / "levels.yml", "points: 500", f"points: {'5' * digits}")
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/levels.yml: levels[2].points: expected a number of at most 30 characters (quote it if it is text), got one of {digits} characters"
    ]


def test_a_weight_of_absurd_length_is_one_line_not_a_crash(criteria_dir):
    edit(criteria_dir / f"category-5.{DEFAULT}.md", "  category: 5\n", f"  category: 5\n  weight: {'9' * 400}\n")
    assert problems_of(criteria_dir) == [
        f"docs/pmqa/category-5.{DEFAULT}.md: pmqa.weight: expected a number of at most 30 characters (quote it if it is text), got one of 400 characters"
    ]
