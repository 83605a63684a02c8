"""Thai text in the search index is split into words, and each language has its own index."""

import json
import subprocess

import pytest
from conftest import ROOT
from officesite.search.index import (
    LUNR_BUILT_IN,
    WORD_JOINER,
    search_base,
    segment_thai,
    split_compound,
    split_index,
)
from site_files import DEFAULT, LANGUAGES, OTHER

QUERY_JS = ROOT / "docs" / "assets" / "javascripts" / "thai-query.js"


def words(text):
    return segment_thai(text).split(WORD_JOINER)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ประชุมเชิงปฏิบัติการ", ["ประชุม", "เชิง", "ปฏิบัติการ"]),
        ("ส่วนควบคุมคุณภาพสิ่งแวดล้อม", ["ส่วน", "ควบคุม", "คุณภาพ", "สิ่ง", "แวดล้อม"]),
        ("การจัดการความรู้", ["การ", "จัดการ", "ความรู้"]),
    ],
)
def test_thai_runs_are_split_into_words(text, expected):
    assert words(text) == expected


def test_compounds_split_only_into_pieces_that_are_words():
    assert split_compound("คุณภาพสิ่งแวดล้อม") == ("คุณภาพ", "สิ่ง", "แวดล้อม")
    assert split_compound("สำนักงาน") == ("สำนักงาน",)  # not "สำ" + "นักงาน"
    assert split_compound("ประชุม") == ("ประชุม",)


def test_markup_digits_and_latin_text_are_left_alone():
    assert segment_thai('<p class="x">PMQA 4.0 ระบบราชการ 4.0</p>') == f'<p class="x">PMQA 4.0 ระบบ{WORD_JOINER}ราชการ 4.0</p>'


def test_the_merged_index_is_split_by_language_with_english_locations_relative_to_en():
    merged = {
        "config": {"lang": list(LANGUAGES.codes), "separator": "x"},
        "docs": [
            {"location": "about/", "title": "เกี่ยวกับสำนักงาน", "text": "สิ่งแวดล้อม"},
            {"location": LANGUAGES.path("about/", OTHER), "title": "About", "text": "Office", "tags": ["ระบบราชการ"]},
        ],
    }
    indexes = split_index(merged, LANGUAGES)
    assert [doc["location"] for doc in indexes[DEFAULT]["docs"]] == ["about/"]
    assert [doc["location"] for doc in indexes[OTHER]["docs"]] == ["about/"]
    assert indexes[DEFAULT]["docs"][0]["text"] == f"สิ่ง{WORD_JOINER}แวดล้อม"
    assert indexes[OTHER]["docs"][0]["tags"] == [f"ระบบ{WORD_JOINER}ราชการ"]
    assert indexes[DEFAULT]["config"]["lang"] == [LUNR_BUILT_IN]  # no lunr Thai support (wordcut) to download


def test_search_base_is_the_root_of_the_pages_language():
    assert search_base("../..", DEFAULT, LANGUAGES) == "../.."
    assert search_base("../..", OTHER, LANGUAGES) == "../../" + LANGUAGES.prefix(OTHER)


def test_built_indexes_hold_only_their_language(site):
    thai = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site.root / LANGUAGES.path("search/search_index.json", OTHER)).read_text(encoding="utf-8"))
    assert {doc["location"].split("/")[0] for doc in thai["docs"]} >= {"", "about", "pmqa", "news"}
    assert all(not doc["location"].startswith(LANGUAGES.prefix(OTHER)) for doc in thai["docs"] + english["docs"])
    assert any(WORD_JOINER in doc["text"] for doc in thai["docs"])
    assert not any(doc["location"].startswith(("news/page/", "news/archive/2")) for doc in thai["docs"])


def split_query(queries, vocabulary):
    """Run thai-query.js in Node, the way the search worker runs it."""
    script = f"""
        const {{siteThaiQuery}} = require({json.dumps(str(QUERY_JS))});
        const vocabulary = Object.fromEntries({json.dumps(vocabulary)}.map(word => [word, {{}}]));
        console.log(JSON.stringify({json.dumps(queries)}.map(query => siteThaiQuery(query, vocabulary))));
    """
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)


VOCABULARY = ["ส่วน", "ควบคุม", "คุณภาพ", "สิ่ง", "แวดล้อม", "ประชุม", "เชิง", "ปฏิบัติการ", "ระบบ", "ราชการ", "4.0", "pmqa"]


def test_query_compound_is_split_as_the_index_split_it():
    assert split_query(["คุณภาพสิ่งแวดล้อม", "สิ่งแวดล้อม"], VOCABULARY) == ["+คุณภาพ* +สิ่ง* +แวดล้อม*", "+สิ่ง* +แวดล้อม*"]


def test_query_words_typed_without_spaces_are_separated():
    assert split_query(["ประชุมเชิงปฏิบัติการ"], VOCABULARY) == ["+ประชุม* +เชิง* +ปฏิบัติการ*"]


def test_query_keeps_an_unfinished_last_word_as_a_prefix():
    assert split_query(["สิ่งแวด", "ประชุมเชิงปฏิ"], VOCABULARY) == ["+สิ่ง* +แวด*", "+ประชุม* +เชิง* +ปฏิ*"]


def test_query_with_digits_and_latin_words():
    assert split_query(["ระบบราชการ 4.0", "pmqa ประชุม"], VOCABULARY) == ["+ระบบ* +ราชการ* 4.0", "pmqa +ประชุม*"]


def test_query_words_the_index_lacks_fall_back_to_intl_segmenter():
    # neither word is in the vocabulary: ICU's dictionary separates them
    assert split_query(["แมวน้ำกินปลา"], VOCABULARY) == ["+แมวน้ำ* +กิน* +ปลา*"]
