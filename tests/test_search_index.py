"""The search index: each page's text as readers see it, grams for finding candidates, one
index per language; and the browser's half of the matching (search.js, run in Node) agrees
with the build's."""

import datetime
import json
import re
import subprocess

import pytest
from conftest import ROOT
from officesite.search.index import (
    MANIFEST,
    SearchPage,
    gram_hash,
    index_files,
    page_order,
    search_base,
)
from officesite.search.text import IGNORED_CLASS, PageText, flat, gram_codes, gram_of_code, grams, page_text
from site_files import DEFAULT, LANGUAGES, OTHER

SEARCH_JS = ROOT / "docs" / "assets" / "javascripts" / "search.js"

ARTICLE = """<html><body><nav>menu text</nav>
<article class="md-content__inner md-typeset">
<h1 id="title">หมวด 7 <em>ผล</em>ลัพธ์<a class="headerlink" href="#title">&para;</a></h1>
<p>ส่วนควบคุม<strong>คุณภาพ</strong>สิ่งแวดล้อม &amp; PMQA&nbsp;4.0</p><p>next</p>
<script>var hidden = "script text";</script><!-- a comment -->
<article class="site-news-entry"><h2 id="ส่วน-2">ส่วนที่ 2</h2><p>&lt;img src=x&gt;</p></article>
</article><footer>footer text</footer></body></html>"""


def test_page_text_is_the_content_article_as_readers_see_it():
    content = page_text(ARTICLE)
    assert content.title == "หมวด 7 ผลลัพธ์"
    assert content.text == "หมวด 7 ผลลัพธ์ ส่วนควบคุมคุณภาพสิ่งแวดล้อม & PMQA 4.0 next ส่วนที่ 2 <img src=x>"
    assert [anchor for _, anchor in content.sections] == ["title", "ส่วน-2"]
    assert content.text[content.sections[1][0] :].startswith("ส่วนที่ 2")
    assert page_text("<html><body><p>no article</p></body></html>") is None


def test_page_text_reads_tags_and_references_as_a_browser_shows_them():
    article = """<article class="md-content__inner md-typeset"><h1 id="t">T<br>&amp;<SPAN>ข่าว</SPAN>สาร</h1>
<p>AT&am<b>p;</b>T <B>ประชุม</B>เชิง<abbrx>ปฏิบัติ</abbrx>การ&nbsp;\u3000x</p><h2 id="a&amp;b"></h2>
<h3>no id</h3><p>e<i>\u0301</i> last</p></article>"""
    content = page_text(article)
    # an inline tag joins (in any case), another tag is a space; a reference cut by a tag is text
    assert content.text == "T &ข่าวสาร AT&amp;T ประชุมเชิง ปฏิบัติ การ x no id é last"
    assert content.title == "T &ข่าวสาร"
    assert content.sections == ((0, "t"), (len("T &ข่าวสาร AT&amp;T ประชุมเชิง ปฏิบัติ การ x "), "a&b"))
    assert page_text('<article class="md-content__inner md-typeset"></article>').text == ""


def test_flat_text_ignores_case_whitespace_and_invisible_characters():
    assert flat("หมวด 7\u200b PMQA\xa04.0\n") == "หมวด7pmqa4.0"
    assert flat("Knowledge\u00adManagement") == "knowledgemanagement"
    assert grams("abc") == {"a", "b", "c", "ab", "bc"}


def test_search_js_ignores_the_same_characters_and_hashes_grams_the_same_way():
    assert IGNORED_CLASS in SEARCH_JS.read_text(encoding="utf-8")
    samples = ["หมวด 7\u200b PMQA\xa04.0\n", "ส่วนควบคุม\u2060คุณภาพ", "Ünïcode ÉTÉ\ufeff", "ก.พ.ร."]
    pairs = ["ปร", "ะช", "pm", "4.", "é"]
    flats, hashes = node("[samples.map(s => search.flat(s)), pairs.map(p => search.gramHash(p))]", samples=samples, pairs=pairs)
    assert flats == [flat(sample) for sample in samples]
    assert hashes == [gram_hash(pair) for pair in pairs]


def node(expression: str, **values):
    """Evaluate an expression in Node with search.js loaded as `search` and `values` defined."""
    definitions = "".join(f"const {name} = {json.dumps(value)};" for name, value in values.items())
    script = f"const search = require({json.dumps(str(SEARCH_JS))}); {definitions} console.log(JSON.stringify({expression}));"
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)


def test_a_query_is_a_phrase_and_words_with_numbers_read_with_the_word_before():
    queries = ["หมวด 7", "PMQA 4.0", "Knowledge Managing", "ประชุม ชลบุรี", "  "]
    parsed = node("queries.map(q => search.parseQuery(q))", queries=queries)
    assert parsed[0] == {"phrase": "หมวด7", "words": [{"text": "หมวด7", "wordStart": False}]}
    assert parsed[1]["words"] == [{"text": "pmqa4.0", "wordStart": False}]
    assert parsed[2]["words"] == [{"text": "knowledg", "wordStart": True}, {"text": "manag", "wordStart": True}]
    assert [word["text"] for word in parsed[3]["words"]] == ["ประชุม", "ชลบุรี"]
    assert parsed[4] == {"phrase": "", "words": []}


def test_english_stems_are_prefixes_of_the_word():
    words = ["workshops", "managing", "management", "policies", "privacy", "services", "work", "pmqa"]
    stems = node("words.map(w => search.stem(w))", words=words)
    assert stems == ["workshop", "manag", "manage", "polic", "privac", "servic", "work", "pmqa"]
    assert all(word.startswith(stem) for word, stem in zip(words, stems))


def test_a_page_matches_the_phrase_anywhere_or_every_word():
    page = {"title": "หมวด 7 ผลลัพธ์", "text": "หมวด 7 ผลลัพธ์ ส่วนควบคุมคุณภาพสิ่งแวดล้อม the networking meeting"}
    queries = ["วดล้อม", "หมวด7", "หมวด ผลลัพธ์", "meetings", "etwork", "works", "หมวด 8"]
    matches = node("queries.map(q => search.matchPage({...page}, search.parseQuery(q)))", page=page, queries=queries)
    found = dict(zip(queries, matches))
    assert found["วดล้อม"]["tier"] == 2 and found["หมวด7"]["tier"] == 3  # in the text; in the title
    assert found["หมวด7"]["marks"][0] == [0, 6]  # "หมวด 7" in the page's text
    assert found["หมวด ผลลัพธ์"]["tier"] == 3 and found["meetings"]["tier"] == 1  # every word, not the phrase
    assert found["etwork"] is not None  # the phrase, inside a word
    assert found["works"] is None  # "work" by stem only at the start of a word
    assert found["หมวด 8"] is None  # not หมวด and 8 apart: หมวด8


# --- The files of an index ---


def page(location, title, text, date=None):
    return SearchPage(location, page_order(location, date), PageText(title, text, ((0, "top"),)))


def decode(differences):
    pages, total = [], 0
    for difference in differences:
        total += difference
        pages.append(total)
    return pages


def test_gram_codes_name_the_same_grams_as_the_text():
    texts = ["", "a", "ab", "abc", "aaaa", "สำนักงาน", "a\x00b\x00", "\x00", "😀x😀", "pmqa4.0หมวด7", "\U0010ffff\x00"]
    for text in texts:
        assert {gram_of_code(code) for code in gram_codes(text)} == grams(text), text


def test_index_files_list_the_pages_of_every_gram_in_page_order():
    pages = [
        page("news/2018/old/", "เก่า", "ข่าวเก่า ประชุม", datetime.date(2018, 7, 18)),
        page("about/", "เกี่ยวกับ", "สำนักงาน"),
        page("news/2024/new/", "ใหม่ ประชุม", "ข่าวใหม่ ประชุม", datetime.date(2024, 1, 2)),
    ]
    files = index_files(pages)
    manifest = files[MANIFEST]
    assert manifest["pages"] == 3 and manifest["gram_files"] >= 1
    records = [record for name in sorted(files) if name.startswith("pages-") for record in files[name]]
    assert [record[0] for record in records] == ["about/", "news/2024/new/", "news/2018/old/"]  # undated, then newest
    assert records[1] == ["news/2024/new/", "ใหม่ ประชุม", "ข่าวใหม่ ประชุม", [[0, "top"]]]
    postings = files[f"grams-{gram_hash('ชุ') % manifest['gram_files']}.json"]
    assert decode(postings["text"]["ชุ"]) == [1, 2] and decode(postings["title"]["ชุ"]) == [1]


def test_search_base_is_the_root_of_the_pages_language():
    assert search_base("../..", DEFAULT, LANGUAGES) == "../../"
    assert search_base("../..", OTHER, LANGUAGES) == "../../" + LANGUAGES.prefix(OTHER)
    assert search_base("/", OTHER, LANGUAGES) == "/" + LANGUAGES.prefix(OTHER)


# --- The built site ---


def index_of(site, lang) -> tuple[dict, list]:
    folder = site.root / LANGUAGES.prefix(lang) / "search"
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    records = [record for path in sorted(folder.glob("pages-*.json"), key=lambda p: int(p.stem[6:])) for record in json.loads(path.read_text(encoding="utf-8"))]
    return manifest, records


@pytest.mark.parametrize("lang", LANGUAGES.codes[:2])
def test_each_language_searches_its_own_pages_except_the_news_listings(site, lang):
    manifest, records = index_of(site, lang)
    prefix = LANGUAGES.prefix(lang)
    own = {path.removeprefix(prefix) for path in site.pages if site.language_of(path) == lang}
    listings = {path for path in own if re.match(r"news/(page|archive/\d{4}|category)/", path)}
    assert listings and manifest["pages"] == len(records)
    assert {location for location, *_ in records} == own - listings
    assert all(site.soup(prefix + location).html["lang"] == lang for location, *_ in records)


def test_materials_own_index_is_not_published(site):
    assert not list(site.root.rglob("search_index.json"))


def test_search_js_ignores_one_character_as_its_pattern_does():
    differing = node(
        "Array.from({length: 0x10000}, (_, code) => code).filter(code => search.isIgnored(code) !== search.IGNORED_ONE.test(String.fromCharCode(code)))"
    )
    assert differing == []
