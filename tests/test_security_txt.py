"""security.txt (RFC 9116) from the office's security_contact (docs/office.yml): the contact's forms, refusals and the file."""

from datetime import datetime, timezone

import pytest
from conftest import build_site
from office_file import set_office_facts
from officesite.metadata.shown import SHOWN_LENGTH
from officesite.security.security_txt import (
    contact_problem,
    contact_uri,
    security_txt,
    write_security_txt,
)
from site_files import LANGUAGES

BUILT = datetime(2026, 11, 25, 4, 59, 19, 123456, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "value, uri",
    [
        ("security@example.org", "mailto:security@example.org"),
        ("  security@example.org ", "mailto:security@example.org"),
        ("mailto:security@example.org", "mailto:security@example.org"),
        ("https://example.org/report-a-problem", "https://example.org/report-a-problem"),
    ],
)
def test_a_contact_becomes_a_contact_uri(value, uri):
    assert contact_problem(value) is None
    assert contact_uri(value) == uri


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_empty_contact_is_unset_and_no_problem(value):
    assert contact_problem(value) is None and contact_uri(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "a@example.org\nExpires: 2099-01-01T00:00:00Z",  # a newline would add a field
        "a@example.org\rPolicy: https://evil.example/",
        "a@example.org\u2028Hiring: x",
        "https://example.org/\x00",
        "http://example.org/report",  # RFC 9116: web URIs are https
        "javascript:alert(1)",
        "mailto:",
        "https://",
        "https://[::1/report",
        "security at example dot org",
        "ติดต่อ@example.org",
    ],
)
def test_a_contact_that_is_no_address_or_https_url_is_refused_on_one_line(value):
    problem = contact_problem(value)
    assert problem.startswith("expected an e-mail address, a mailto: URL or an https:// URL on one line, got ")
    assert "\n" not in problem and "\r" not in problem and "\u2028" not in problem and "\x00" not in problem
    assert contact_uri(value) is None


def test_a_refused_contact_is_shown_cut_short():
    problem = contact_problem("x" * 5000)
    shown = problem.split(", got ", 1)[1]
    assert shown == '"' + "x" * SHOWN_LENGTH + '"…'


def test_a_contact_that_is_not_text_is_refused():
    assert contact_problem(["a@example.org"]) == "expected text, got a list"


def test_security_txt_has_the_contact_expiry_languages_and_canonical():
    text = security_txt("mailto:security@example.org", LANGUAGES.codes, "https://reo13.example.org/", BUILT)
    assert text == (
        "Contact: mailto:security@example.org\n"
        "Expires: 2027-11-24T04:59:19Z\n"
        "Preferred-Languages: th, en\n"
        "Canonical: https://reo13.example.org/.well-known/security.txt\n"
    )


def test_security_txt_names_no_canonical_for_a_site_not_on_https():
    text = security_txt("mailto:security@example.org", LANGUAGES.codes, "http://127.0.0.1:8000/", BUILT)
    assert "Canonical" not in text and text.startswith("Contact: mailto:security@example.org\n")


def test_writing_no_security_txt_removes_one_left_by_an_earlier_build(tmp_path):
    write_security_txt(tmp_path, "Contact: mailto:a@example.org\n")
    assert (tmp_path / ".well-known" / "security.txt").read_text() == "Contact: mailto:a@example.org\n"
    write_security_txt(tmp_path, None)
    assert not (tmp_path / ".well-known" / "security.txt").exists()


def test_a_bad_security_contact_stops_the_build_naming_the_field(project_copy, tmp_path):
    set_office_facts(project_copy, security_contact="a@example.org\nExpires: 2099")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert 'docs/office.yml: security_contact: expected an e-mail address, a mailto: URL or an https:// URL on one line, got "a@example.org\\nExpires: 2099"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / ".well-known" / "security.txt").exists()
