"""How every metadata file is read and its values checked (officesite.metadata), without MkDocs."""

import time

import pytest
from officesite.metadata.fields import number_problem, text_problem
from officesite.metadata.problems import MetadataError
from officesite.metadata.reading import parse_yaml, read_front_matter, read_text, read_yaml_file

WHERE = "docs/news/2019/x.md"


def problems_of(call, *args):
    with pytest.raises(MetadataError) as caught:
        call(*args)
    return caught.value.problems


def alias_bomb(levels=9) -> str:
    """A billion laughs: each level lists the previous one nine times (9**9 leaves once expanded)."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + f"\ntitle: *a{levels - 1}\n"


def test_a_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeff---\ntitle: ข่าว\n---\n\nText\n".encode("utf-8"))
    assert read_front_matter(path, WHERE) == {"title": "ข่าว"}


def test_windows_line_ends_are_read_like_mkdocs_reads_them(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"---\r\ntitle: A\r\ndate: 2019-01-01\r\n---\r\n\r\nText\r\n")
    assert read_front_matter(path, WHERE) == {"title": "A", "date": "2019-01-01"}


def test_windows_874_thai_text_is_named_with_how_to_save_it_as_utf8(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("---\ntitle: ข่าวประชาสัมพันธ์\ndescription: สรุปข่าว\n---\n\nเนื้อหา\n".encode("cp874"))
    assert problems_of(read_text, path, WHERE) == [
        f"{WHERE}: encoding: expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
        "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
    ]


def test_other_bytes_that_are_not_utf8_are_named_with_their_place(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"---\ntitle: caf\xe9\n---\n")  # Latin-1, not Thai
    assert problems_of(read_text, path, WHERE) == [f"{WHERE}: encoding: expected UTF-8, got a byte that is not UTF-8 (0xE9 at byte 14): save the file again as UTF-8"]


def test_a_folder_named_like_a_file_is_named(tmp_path):
    (tmp_path / "x.md").mkdir()
    assert problems_of(read_text, tmp_path / "x.md", WHERE) == [f"{WHERE}: file: expected a file, got a folder (rename or remove it)"]


def test_an_alias_bomb_is_refused_in_well_under_a_second():
    start = time.perf_counter()
    problems = problems_of(parse_yaml, alias_bomb(), WHERE, "front matter", 2)
    assert time.perf_counter() - start < 0.5
    assert problems == [f"{WHERE}: a1[0]: expected a value written out, got a YAML alias (*name) of the value on line 2: write it out, aliases are not accepted"]


def test_an_alias_in_a_nested_field_names_the_field():
    source = "base: &base {id: basic}\nlevels:\n  - *base\n"
    assert problems_of(parse_yaml, source, "docs/pmqa/levels.yml") == [
        "docs/pmqa/levels.yml: levels[0]: expected a value written out, got a YAML alias (*name) of the value on line 1: write it out, aliases are not accepted"
    ]


def test_yaml_over_64_kb_is_refused_before_it_is_parsed():
    source = "title: " + "ก" * 1_000_000 + "\n"  # 3 MB
    start = time.perf_counter()
    problems = problems_of(parse_yaml, source, WHERE, "front matter", 2)
    assert time.perf_counter() - start < 0.5
    assert problems == [f"{WHERE}: front matter: expected at most 64 KB of YAML, got 2930 KB"]


def test_a_key_given_twice_is_named_with_both_lines():
    assert problems_of(parse_yaml, "title: A\ndate: 2019-01-01\ntitle: B\n", WHERE, "front matter", 2) == [
        f"{WHERE}: title: expected the field once, got it twice (lines 2 and 4)"
    ]


def test_a_nested_key_given_twice_is_named_by_its_path(tmp_path):
    path = tmp_path / "levels.yml"
    path.write_text("not_reached:\n  id: none\n  points: 0\n  points: 1\n", encoding="utf-8")
    assert problems_of(read_yaml_file, path, "docs/pmqa/levels.yml") == [
        "docs/pmqa/levels.yml: not_reached.points: expected the field once, got it twice (lines 3 and 4)"
    ]


def test_invalid_yaml_names_the_line_in_the_file():
    problems = problems_of(parse_yaml, "title: A\ntags: [x\n", WHERE, "front matter", 2)
    assert problems == [f"{WHERE}: front matter: expected valid YAML, got did not find expected ',' or ']' (line 4)"]


def test_dates_stay_text_for_the_reader_to_check():
    assert parse_yaml("date: 2019-01-01\n", WHERE) == {"date": "2019-01-01"}


@pytest.mark.parametrize("escape, code", [(r"\x0b", "U+000B"), (r"\x01", "U+0001"), (r"\0", "U+0000"), (r"\uFFFE", "U+FFFE")])
def test_characters_xml_forbids_are_refused_in_text(escape, code):
    title = parse_yaml(f'title: "News{escape}"\n', WHERE)["title"]
    assert text_problem(title).startswith(f"expected text without control characters, got {code} (")
    assert text_problem(title).endswith(") at character 5")


def test_thai_text_tabs_and_line_breaks_are_text():
    assert text_problem("ข่าว\tสิ่งแวดล้อม\nบรรทัดที่สอง") is None


@pytest.mark.parametrize("value, shown", [("", "an empty text"), ("  ", "an empty text"), (None, "nothing"), (12, "a number (12)"), ([], "an empty list")])
def test_missing_or_empty_text_says_what_it_got(value, shown):
    assert text_problem(value) == f"expected text, got {shown}"


@pytest.mark.parametrize(
    "value, message",
    [
        (float("inf"), "expected a positive number of at most 100, got .inf"),
        (float("-inf"), "expected a positive number, got -.inf"),
        (float("nan"), "expected a positive number, got .nan"),
        (1e9, "expected a positive number of at most 100, got 1e+09"),
        (0, "expected a positive number, got 0"),
        (True, "expected a positive number, got true/false (true)"),
    ],
)
def test_weights_must_be_finite_and_sane(value, message):
    assert number_problem(value, 100, positive=True) == message


def test_points_must_be_finite_and_sane():
    assert number_problem(float("inf"), 10000) == "expected a number from 0 to 10000, got .inf"
    assert number_problem(10001, 10000) == "expected a number from 0 to 10000, got 10001"
    assert number_problem(500, 10000) is None and number_problem(0, 10000) is None


def test_whole_numbers_refuse_fractions():
    assert number_problem(1.5, 3, whole=True) == "expected a whole number from 0 to 3, got a number (1.5)"


# -----------------------------------------------------------------------------
# Values YAML would turn into a traceback: one line each
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, line",
    [
        (f"points: {'9' * 5000}\n", "points: expected a number of at most 30 characters (quote it if it is text), got one of 5000 characters"),
        (f"weight: {'9' * 400}\n", "weight: expected a number of at most 30 characters (quote it if it is text), got one of 400 characters"),
        (f"title: 0x{'F' * 5000}\n", "title: expected a number of at most 30 characters (quote it if it is text), got one of 5002 characters"),
        (f"items:\n  - id: '1.1'\n    points: -{'1' * 100}\n", "items[0].points: expected a number of at most 30 characters (quote it if it is text), got one of 101 characters"),
    ],
)
def test_a_number_of_absurd_length_is_one_line_naming_its_field(source, line):
    assert problems_of(parse_yaml, source, WHERE) == [f"{WHERE}: {line}"]


def test_an_explicit_timestamp_stays_text_for_the_reader_to_check():
    assert parse_yaml("date: !!timestamp 2018-02-30\n", WHERE) == {"date": "2018-02-30"}


@pytest.mark.parametrize("source", ["points: !!int abc\n", "points: !!float abc\n", "x: !!bool maybe\n"])
def test_a_tag_its_value_cannot_hold_is_one_line(source):
    problems = problems_of(parse_yaml, source, WHERE, "front matter", 2)
    assert len(problems) == 1 and problems[0].startswith(f"{WHERE}: front matter: expected valid YAML, got ")
    assert "\n" not in problems[0]


def test_numbers_too_large_for_a_float_are_out_of_range_not_a_crash():
    assert number_problem(10**400, 100, positive=True) == "expected a positive number of at most 100, got a number of 401 digits"
    assert number_problem(-(10**400), 100) == "expected a number from 0 to 100, got a number of 401 digits"


def test_a_weight_too_small_to_mean_anything_is_refused():
    assert number_problem(1e-320, 100, positive=True, low=0.01) == "expected a positive number of at least 0.01, got 1e-320"
    assert number_problem(0.5, 100, positive=True, low=0.01) is None
