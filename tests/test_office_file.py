"""The office facts file (docs/office.yml, officesite.office): read once through the metadata
toolkit and checked with the schema (OFFICE), every problem one line naming the file and the
field; careless and hostile files refused, never read as "no facts"."""

import json

import pytest
import yaml
from office_file import read_office
from officesite.metadata.problems import MetadataError
from officesite.office import OFFICE_FILE, load_office, misplaced_office_problem, office_facts, site_office
from officesite.schema import OFFICE
from site_files import DEFAULT, LANGUAGES, OTHER, ROOT

TH, EN = DEFAULT, OTHER
WHERE = f"docs/{OFFICE_FILE}"


def problems_of(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / OFFICE_FILE
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        load_office(path, LANGUAGES, tmp_path, WHERE)
    except MetadataError as error:
        return error.problems
    return []


def facts_text(**facts) -> str:
    return yaml.safe_dump(facts, allow_unicode=True)


def test_the_shipped_file_holds_every_fact_and_reads_as_the_site_uses_it():
    assert list(read_office()) == [f.name for f in OFFICE.fields]
    office = site_office(ROOT / "docs", LANGUAGES, ROOT)
    assert office["short_name"] == read_office()["short_name"] and office["phone"] == ""
    assert office_facts(office, TH) == office_facts(office, EN) == []  # nothing invented: the office fills them in


def test_the_shipped_file_is_not_published(site):
    assert not (site.root / OFFICE_FILE).exists() and not list(site.root.rglob(OFFICE_FILE))


def test_a_missing_file_stops_the_build_saying_to_restore_it(tmp_path):
    with pytest.raises(MetadataError) as error:
        site_office(tmp_path, LANGUAGES, tmp_path.parent)
    (line,) = error.value.problems
    assert line == f"{tmp_path.name}/{OFFICE_FILE}: file: expected the office facts (the file ships with the site, its facts empty until the office sets them), found none: restore it"


def test_an_empty_file_is_refused_not_read_as_no_facts(tmp_path):
    assert problems_of(tmp_path, "# only comments\n") == [f"{WHERE}: file: expected a mapping of office facts (address, phone, email…), got nothing"]
    assert problems_of(tmp_path, "- 1\n") == [f"{WHERE}: file: expected a mapping of office facts (address, phone, email…), got a list"]


def test_unknown_and_malformed_fields_are_named_one_line_each(tmp_path):
    assert problems_of(tmp_path, facts_text(phone=123, addres="x", address={TH: 5}, short_name=[1], fax={TH: "1"})) == [
        f"{WHERE}: addres: expected one of address, phone, fax, email, opening_hours, accessibility_email, security_contact, short_name, parent, parent_url, emblem, got an unknown field",
        f"{WHERE}: address.{TH}: expected text, got a number (5)",
        f"{WHERE}: phone: expected text, got a number (123)",
        f"{WHERE}: fax: expected text, got a mapping",
        f"{WHERE}: short_name: expected text, got a list",
    ]


def test_a_fact_may_hold_no_control_character(tmp_path):
    assert problems_of(tmp_path, facts_text(phone="0\x01 38")) == [f"{WHERE}: phone: expected text without control characters, got U+0001 (\\x01) at character 2"]
    assert problems_of(tmp_path, facts_text(address={EN: "Line\u2028\x1b[31m"})) == [f"{WHERE}: address.{EN}: expected text without control characters, got U+001B (\\x1b) at character 6"]


def test_markup_is_text_in_a_fact_and_refused_where_an_address_is_expected(tmp_path):
    markup = '<script>alert(1)</script>'
    assert problems_of(tmp_path, facts_text(address={TH: markup}, phone=markup)) == []
    assert problems_of(tmp_path, facts_text(email=markup, accessibility_email="a@b", parent_url="javascript:alert(1)", security_contact=markup)) == [
        f'{WHERE}: email: expected an e-mail address such as name@example.org, got "<script>alert(1)</script>"',
        f'{WHERE}: accessibility_email: expected an e-mail address such as name@example.org, got "a@b"',
        f'{WHERE}: security_contact: expected an e-mail address, a mailto: URL or an https:// URL on one line, got "<script>alert(1)</script>"',
        f'{WHERE}: parent_url: expected an https:// address, got "javascript:alert(1)"',
    ]


def test_the_parent_site_and_the_emblem_are_checked(tmp_path):
    (tmp_path / "emblem.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert problems_of(tmp_path, facts_text(parent_url="https://example.org/ministry", emblem="emblem.svg")) == []
    assert problems_of(tmp_path, facts_text(parent_url="", emblem="")) == []
    for url in ("http://example.org/", "javascript:alert(1)", "https://a b/", 'https://x/"><script>'):
        assert problems_of(tmp_path, facts_text(parent_url=url)) == [f"{WHERE}: parent_url: expected an https:// address, got {json.dumps(url)}"]
    assert problems_of(tmp_path, facts_text(emblem="missing.png")) == [f'{WHERE}: emblem: expected a file under docs/, found none, got "missing.png"']
    assert problems_of(tmp_path, facts_text(emblem="../emblem.svg")) == [f'{WHERE}: emblem: expected a file under docs/, got "../emblem.svg"']
    assert problems_of(tmp_path, facts_text(emblem="notes.txt"))[0].startswith(f"{WHERE}: emblem: expected an image (.svg, .png")
    # A wrong parent site and a missing emblem: both named at once.
    assert len(problems_of(tmp_path, facts_text(parent_url="http://x.org", emblem="none.svg"))) == 2


def test_a_windows_874_file_is_named_with_how_to_save_it_as_utf8(tmp_path):
    text = facts_text(address={TH: "ถนนสุขุมวิท ชลบุรี"}).encode("cp874")
    assert problems_of(tmp_path, text) == [
        f"{WHERE}: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
        "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
    ]


def test_a_huge_file_and_a_yaml_bomb_are_refused_before_they_are_read(tmp_path):
    assert problems_of(tmp_path, facts_text(address={TH: "ก" * 40_000}))[0] == f"{WHERE}: file: expected at most 64 KB of YAML, got 117 KB"
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nphone: *b\n"
    assert problems_of(tmp_path, bomb)[0].startswith(f"{WHERE}: b[0]: expected a value written out, got a YAML alias")


def test_a_fact_written_once_for_every_language_is_taken_in_each():
    office = {"address": "Bang Saen", "opening_hours": {TH: "จันทร์–ศุกร์"}}
    assert office_facts(office, EN) == [{"key": "address", "text": "Bang Saen", "href": None}]
    assert [fact["text"] for fact in office_facts(office, TH)] == ["Bang Saen", "จันทร์–ศุกร์"]


def test_facts_left_in_mkdocs_yml_are_refused_saying_where_they_live_now():
    assert misplaced_office_problem({"cms": {}}) is None
    assert misplaced_office_problem({"office": {"phone": "1"}}) == f"expected nothing (the office facts live in docs/{OFFICE_FILE} now: move them there), got an object"

