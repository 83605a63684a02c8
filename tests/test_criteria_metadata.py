"""Validation of the PMQA criteria metadata: one test per rule, each with its own bad fixture."""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from criteria_metadata import CriteriaError, load_criteria

LANGUAGES = ("th", "en")


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
    for lang in LANGUAGES:
        assert sorted(criteria.categories[lang]) == [1, 2, 3, 4, 5, 6, 7]
        assert [len(c.items) for _, c in sorted(criteria.categories[lang].items())] == [4, 4, 4, 4, 4, 4, 6]
    assert [(level.id, level.points) for level in criteria.levels] == [("basic", 300), ("advance", 400), ("significance", 500)]
    assert criteria.not_reached.points == 0


def test_a_missing_required_field_is_named(criteria_dir):
    edit(criteria_dir / "category-2.md", '  title: "การวางแผนเชิงยุทธศาสตร์"\n', "")
    assert problems_of(criteria_dir) == ["docs/pmqa/category-2.md: pmqa.title: expected text, got nothing"]


def test_an_unquoted_item_id_is_a_type_error_with_a_hint(criteria_dir):
    edit(criteria_dir / "category-1.md", 'id: "1.2"', "id: 1.2")
    assert problems_of(criteria_dir) == ['docs/pmqa/category-1.md: items[1].id: expected text such as "1.2" (quote it in YAML), got 1.2']


def test_a_category_missing_in_one_language(criteria_dir):
    (criteria_dir / "category-4.en.md").unlink()
    assert problems_of(criteria_dir) == ["docs/pmqa: en: expected one page for each category 1-7, missing 4"]


def test_a_category_number_that_disagrees_with_its_file_name_is_one_line(criteria_dir):
    # a category defined twice: category-2.md holds category 1 (one line, not one per item id)
    shutil.copy(criteria_dir / "category-1.md", criteria_dir / "category-2.md")
    assert problems_of(criteria_dir) == ["docs/pmqa/category-2.md: pmqa.category: expected 2, the number in the file name category-2.md, got 1"]


def test_an_item_id_must_belong_to_its_category(criteria_dir):
    edit(criteria_dir / "category-3.md", 'id: "3.2"', 'id: "4.2"')
    assert problems_of(criteria_dir)[0] == 'docs/pmqa/category-3.md: items[1].id: expected an item of category 3 ("3.2"), got "4.2"'


def test_item_ids_are_unique(criteria_dir):
    edit(criteria_dir / "category-3.md", 'id: "3.3"', 'id: "3.2"')
    assert problems_of(criteria_dir)[0] == 'docs/pmqa/category-3.md: items[2].id: "3.2" is already the id of items[1]'


def test_item_ids_are_in_order(criteria_dir):
    edit(criteria_dir / "category-3.en.md", 'id: "3.3"', 'id: "3.5"')
    assert problems_of(criteria_dir)[0] == 'docs/pmqa/category-3.en.md: items[2].id: expected "3.3", got "3.5"'


def test_level_points_strictly_increase(criteria_dir):
    edit(criteria_dir / "levels.yml", "points: 400", "points: 300")
    assert problems_of(criteria_dir) == ["docs/pmqa/levels.yml: levels[1].points: expected more than 300 (points strictly increase), got 300"]


@pytest.mark.parametrize("weight", ["0", "-1", '"heavy"', "true"])
def test_weights_are_positive_numbers(criteria_dir, weight):
    edit(criteria_dir / "category-5.md", "  category: 5\n", f"  category: 5\n  weight: {weight}\n")
    problems = problems_of(criteria_dir)
    assert problems[0].startswith("docs/pmqa/category-5.md: pmqa.weight: expected a positive number, got")


def test_thai_and_english_agree_on_ids(criteria_dir):
    edit(criteria_dir / "category-6.en.md", '    - id: "6.4"\n      title: "Focusing on effectiveness across the organisation and on the impact on the national strategy and results"\n', "")
    assert problems_of(criteria_dir) == [
        "docs/pmqa/category-6.en.md: pmqa.items: expected the ids of docs/pmqa/category-6.md (6.1, 6.2, 6.3, 6.4), got 6.1, 6.2, 6.3"
    ]


def test_thai_and_english_agree_on_weights(criteria_dir):
    edit(criteria_dir / "category-7.md", "  category: 7\n", "  category: 7\n  weight: 2\n")
    assert problems_of(criteria_dir) == ["docs/pmqa/category-7.en.md: pmqa.weight: expected 2 as in docs/pmqa/category-7.md, got 1"]


def test_unknown_fields_are_reported(criteria_dir):
    edit(criteria_dir / "category-1.md", "  category: 1\n", "  category: 1\n  wieght: 2\n")
    assert problems_of(criteria_dir) == ["docs/pmqa/category-1.md: pmqa.wieght: unknown field"]


def test_invalid_yaml_is_reported_not_raised(criteria_dir):
    edit(criteria_dir / "category-1.md", "  category: 1\n", "  category: [1\n")
    assert problems_of(criteria_dir)[0].startswith("docs/pmqa/category-1.md: front matter: expected valid YAML, got")


def test_all_problems_are_reported_together(criteria_dir):
    edit(criteria_dir / "category-3.en.md", 'id: "3.3"', 'id: "3.5"')
    edit(criteria_dir / "levels.yml", "points: 500", "points: 450.5\n    colour: red")
    problems = problems_of(criteria_dir)
    assert 'docs/pmqa/category-3.en.md: items[2].id: expected "3.3", got "3.5"' in problems
    assert "docs/pmqa/levels.yml: levels[2].colour: unknown field" in problems
