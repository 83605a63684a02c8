"""Criteria pages are rendered from the metadata, and bad metadata stops a real build."""

import json

from conftest import ROOT, build_site
from officesite.criteria.metadata import load_criteria
from site_files import DEFAULT, LANGUAGES, OTHER, shown_text

CRITERIA = load_criteria(ROOT / "docs" / "pmqa", LANGUAGES)


def table_rows(soup, index=0):
    table = soup.select(".md-content table")[index]
    return [[shown_text(cell) for cell in row.select("td")] for row in table.select("tbody tr")]


def test_category_pages_list_the_items_of_their_metadata(site):
    for lang, prefix in ((lang, LANGUAGES.prefix(lang)) for lang in LANGUAGES.codes):
        for number, category in CRITERIA.categories[lang].items():
            soup = site.soup(f"{prefix}pmqa/category-{number}/")
            assert table_rows(soup) == [[item.id, item.title] for item in category.items]
            assert category.title in soup.h1.get_text()


def test_levels_table_comes_from_the_levels_file(site):
    for lang, prefix in ((lang, LANGUAGES.prefix(lang)) for lang in LANGUAGES.codes):
        soup = site.soup(f"{prefix}pmqa/category-1/")
        assert table_rows(soup, 1) == [[level.name[lang], f"{level.points:g}"] for level in CRITERIA.levels]


def test_overview_links_every_category_page_in_its_language(site):
    for lang, prefix in ((lang, LANGUAGES.prefix(lang)) for lang in LANGUAGES.codes):
        soup = site.soup(f"{prefix}pmqa/")
        rows = table_rows(soup)
        assert [row[0] for row in rows] == [str(n) for n in range(1, 8)]
        links = [a["href"] for a in soup.select(".md-content table")[0].select("a")]
        assert links == [f"category-{n}/" for n in range(1, 8)]
        assert rows[2][2] == str(len(CRITERIA.categories[lang][3].items))


def test_the_calculator_formats_in_its_languages_locale_from_the_language_model(site):
    for lang in LANGUAGES.codes:
        raw = site.soup(LANGUAGES.path("pmqa/calculator/", lang)).select_one("script[data-pmqa-data]").string
        assert json.loads(raw)["locale"] == LANGUAGES.intl_locale(lang)


def test_an_edited_item_title_reaches_the_page(project_copy, tmp_path):
    page = project_copy / "docs" / "pmqa" / f"category-5.{OTHER}.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Efficient, agile and results-oriented work systems", "Agile work & <b>results</b>"), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / LANGUAGES.path("pmqa/category-5/index.html", OTHER)).read_text(encoding="utf-8")
    assert "Agile work &amp; &lt;b&gt;results&lt;/b&gt;" in html


def test_bad_metadata_stops_the_build_with_one_line_per_problem(project_copy, tmp_path):
    page = project_copy / "docs" / "pmqa" / f"category-3.{OTHER}.md"
    page.write_text(page.read_text(encoding="utf-8").replace('id: "3.3"', 'id: "3.5"'), encoding="utf-8")
    levels = project_copy / "docs" / "pmqa" / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("points: 400", "points: 200"), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert result.stderr.count(f'docs/pmqa/category-3.{OTHER}.md: pmqa.items[2].id: expected "3.3", got "3.5"') == 1
    assert result.stderr.count("docs/pmqa/levels.yml: levels[1].points: expected more than 300 (points strictly increase), got 200") == 1
    assert "Traceback" not in result.stderr


def test_an_unknown_marker_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "pmqa" / f"index.{DEFAULT}.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- pmqa:chart -->\n", encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    known = "<!-- pmqa:heading -->, <!-- pmqa:items -->, <!-- pmqa:levels -->, <!-- pmqa:categories -->, <!-- pmqa:weights -->"
    assert f"docs/pmqa/index.{DEFAULT}.md: body: expected one of the markers {known}, got <!-- pmqa:chart -->" in result.stderr
    assert "Traceback" not in result.stderr
