"""The contact page shows exactly the office facts set in docs/office.yml, and nothing invented;
a wrong fact, a missing file or facts left in mkdocs.yml stop the build in one line."""

from conftest import build_site
from office_file import office_path, set_office_facts
from site_files import LANGUAGES, OTHER, BuiltSite


def contact_terms(site, page):
    return [dt.get_text(strip=True) for dt in site.soup(page).select(".site-contact dt")]


def test_contact_page_says_no_details_are_published_when_none_are_set(site):
    assert contact_terms(site, "contact/") == []
    assert "ยังไม่ได้เผยแพร่ข้อมูลติดต่อ" in site.soup("contact/").select_one(".site-contact").get_text()


def test_contact_page_renders_only_the_facts_that_are_set(project_copy, tmp_path):
    set_office_facts(project_copy, phone="0 3800 0000", email="office@example.org")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "out")
    assert contact_terms(site, "contact/") == ["โทรศัพท์", "อีเมล"]
    assert contact_terms(site, LANGUAGES.path("contact/", OTHER)) == ["Telephone", "Email"]
    links = [a["href"] for a in site.soup(LANGUAGES.path("contact/", OTHER)).select(".site-contact a")]
    assert links == ["tel:038000000", "mailto:office@example.org"]


def test_a_malformed_office_fact_stops_the_build_naming_the_field(project_copy, tmp_path):
    set_office_facts(project_copy, phone=[1, 2])
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/office.yml: phone: expected text, got a list" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_office_file_stops_the_build_saying_to_restore_it(project_copy, tmp_path):
    office_path(project_copy).unlink()
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "The office facts have 1 problem(s):" in result.stderr
    assert [line for line in result.stderr.splitlines() if "office.yml" in line] == [
        "docs/office.yml: file: expected the office facts (the file ships with the site, its facts empty until the office sets them), found none: restore it",
    ]


def test_office_facts_left_in_mkdocs_yml_stop_the_build_saying_where_they_live_now(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nextra:\n", '\nextra:\n  office:\n    phone: "0 3800 0000"\n', 1), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "office" in line] == [
        "mkdocs.yml: extra.office: expected nothing (the office facts live in docs/office.yml now: move them there), got an object"
    ]
