"""The contact page shows exactly the office facts set in mkdocs.yml, and nothing invented."""

from conftest import build_site
from site_files import LANGUAGES, OTHER, BuiltSite


def set_office_fact(project, line, value):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert line in text
    config.write_text(text.replace(line, value, 1), encoding="utf-8")


def contact_terms(site, page):
    return [dt.get_text(strip=True) for dt in site.soup(page).select(".site-contact dt")]


def test_contact_page_says_no_details_are_published_when_none_are_set(site):
    assert contact_terms(site, "contact/") == []
    assert "ยังไม่ได้เผยแพร่ข้อมูลติดต่อ" in site.soup("contact/").select_one(".site-contact").get_text()


def test_contact_page_renders_only_the_facts_that_are_set(project_copy, tmp_path):
    set_office_fact(project_copy, '    phone: ""', '    phone: "0 3800 0000"')
    set_office_fact(project_copy, '    email: ""', '    email: "office@example.org"')
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "out")
    assert contact_terms(site, "contact/") == ["โทรศัพท์", "อีเมล"]
    assert contact_terms(site, LANGUAGES.path("contact/", OTHER)) == ["Telephone", "Email"]
    links = [a["href"] for a in site.soup(LANGUAGES.path("contact/", OTHER)).select(".site-contact a")]
    assert links == ["tel:038000000", "mailto:office@example.org"]


def test_a_malformed_office_fact_stops_the_build_naming_the_field(project_copy, tmp_path):
    set_office_fact(project_copy, '    phone: ""', "    phone: [1, 2]")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.office.phone: expected text, got a list" in result.stderr
    assert "Traceback" not in result.stderr
