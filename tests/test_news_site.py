"""The built news: post pages, listings, archive, feeds, with the real posts and at scale."""

import json

import feedparser
import pytest
from conftest import copy_project
from sample_news import write_sample_posts
from site_files import DEFAULT, LANGUAGES, OTHER, BuiltSite, shown_text

POST = "news/2018/pmqa-workshop/"
PREFIXES = [LANGUAGES.prefix(lang) for lang in LANGUAGES.codes]
OTHER_PREFIX = LANGUAGES.prefix(OTHER)  # where the English pages are


def json_ld(soup):
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def meta(soup, attribute, name):
    tag = soup.select_one(f'meta[{attribute}="{name}"]')
    return tag["content"] if tag else None


@pytest.mark.parametrize("prefix, date_text", [("", "18 กรกฎาคม 2561"), (OTHER_PREFIX, "18 July 2018")])
def test_post_page_has_date_meta_social_tags_and_news_article_data(site, prefix, date_text):
    soup = site.soup(prefix + POST)
    time = soup.select_one(".site-news-post time")
    assert (time["datetime"], time.get_text(strip=True)) == ("2018-07-18", date_text)
    assert meta(soup, "name", "description")
    assert soup.select_one('link[rel="canonical"]')["href"] == site.site_url + prefix + POST
    assert meta(soup, "property", "og:type") == "article"
    assert meta(soup, "property", "og:url") == site.site_url + prefix + POST
    assert meta(soup, "property", "og:title") == shown_text(soup.h1)
    assert meta(soup, "name", "twitter:card") == "summary"
    data = json_ld(soup)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2018-07-18"
    assert data["url"] == site.site_url + prefix + POST and data["headline"] == shown_text(soup.h1)


def test_post_and_its_translation_link_each_other(site):
    thai, english = site.soup(POST), site.soup(OTHER_PREFIX + POST)
    assert site.resolve(POST, thai.select_one("a.site-language__link")["href"])[0] == OTHER_PREFIX + POST
    assert site.resolve(OTHER_PREFIX + POST, english.select_one("a.site-language__link")["href"])[0] == POST


def test_the_thai_post_keeps_the_published_text(site):
    text = site.soup(POST).select_one(".site-news-post").get_text()
    assert "“ระบบราชการ 4.0” มีคุณลักษณะสำคัญ 10 ประการ" in text
    assert "ซึ่งจะเริ่มตรวจประเมินปี พ.ศ.2561 เป็นต้นไป" in text


# The article's ten characteristics of Public Sector 4.0, written "1)…2)…" in one paragraph
# in the original, are a list a reader (and a screen reader) can count, in both languages.
@pytest.mark.parametrize("prefix, first", [("", "ทำงานอย่างเปิดเผย โปร่งใส"), (OTHER_PREFIX, "it works openly and transparently")])
def test_the_post_lists_the_ten_characteristics(site, prefix, first):
    lists = site.soup(prefix + POST).select(".site-news-post ol")
    assert [len(ol.find_all("li", recursive=False)) for ol in lists] == [10]
    assert shown_text(lists[0].li).startswith(first)
    assert "1)" not in lists[0].get_text() and "10)" not in lists[0].get_text()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_news_index_lists_the_post_with_date_summary_and_link(site, prefix):
    entry = site.soup(prefix + "news/").select_one(".site-news-entry")
    assert site.resolve(prefix + "news/", entry.select_one("h2 a")["href"])[0] == prefix + POST
    assert entry.select_one("time")["datetime"] == "2018-07-18"
    assert entry.select_one(".site-news-entry__summary").get_text(strip=True)


def test_home_page_shows_the_latest_news(site):
    for prefix in PREFIXES:
        links = [a["href"] for a in site.soup(prefix).select(".site-card--news .site-card__title")]
        assert site.resolve(prefix, links[0])[0] == prefix + POST


@pytest.mark.parametrize("prefix, lang", [(LANGUAGES.prefix(lang), lang) for lang in LANGUAGES.codes])
def test_feeds_parse_cleanly_with_absolute_urls_and_are_discoverable(site, prefix, lang):
    for name, version in (("rss.xml", "rss20"), ("atom.xml", "atom10")):
        feed = feedparser.parse((site.root / prefix / "news" / name).read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == version
        assert feed.feed.language == lang
        assert [entry.link for entry in feed.entries] == [site.site_url + prefix + POST]
        assert feed.entries[0].published_parsed[:3] == (2018, 7, 17)  # midnight in Thailand, in UTC
    links = {link["type"]: link["href"] for link in site.soup(prefix).select('head link[rel="alternate"][type]')}
    assert links == {"application/rss+xml": site.site_url + prefix + "news/rss.xml", "application/atom+xml": site.site_url + prefix + "news/atom.xml"}


@pytest.fixture(scope="module")
def many_posts_site(tmp_path_factory, site_builder):
    """The site with 1,000 generated posts per language and one Thai-only post."""
    project = copy_project(tmp_path_factory.mktemp("many") / "project")
    write_sample_posts(project / "docs", 1000)
    (project / "docs" / "news" / "2026" / "thai-only.md").write_text(
        "---\ntitle: ข่าวที่ยังไม่แปล\ndate: 2026-07-01\ndescription: ยังไม่มีฉบับภาษาอังกฤษ\n---\n\nเนื้อหา\n", encoding="utf-8"
    )
    result = site_builder(project, project.parent / "out")
    assert result.returncode == 0, result.stderr
    return BuiltSite(project.parent / "out")


def entry_dates(soup):
    return [time["datetime"] for time in soup.select(".site-news-entry time")]


def test_at_scale_the_index_is_newest_first_ten_per_page(many_posts_site):
    site = many_posts_site
    first, second = site.soup("news/"), site.soup("news/page/2/")
    dates = entry_dates(first) + entry_dates(second)
    assert len(entry_dates(first)) == 10 and dates == sorted(dates, reverse=True)
    assert entry_dates(first)[0] == "2026-07-01"  # the Thai-only post, newest
    assert site.file_for("news/page/101/") and not site.file_for("news/page/102/")
    # 1,000 sample posts, the real one and the Thai-only one: 100 full pages and 2 posts
    assert len(entry_dates(site.soup("news/page/101/"))) == 2
    assert len(entry_dates(site.soup(OTHER_PREFIX + "news/page/101/"))) == 2


def test_at_scale_pagination_links_previous_next_and_numbers(many_posts_site):
    site = many_posts_site
    nav = site.soup("news/page/50/").select_one("nav.site-pagination")
    targets = {a.get_text(strip=True): site.resolve("news/page/50/", a["href"])[0] for a in nav.select("a")}
    assert targets["หน้าก่อน"] == "news/page/49/" and targets["หน้าถัดไป"] == "news/page/51/"
    assert targets["1"] == "news/" and targets["101"] == "news/page/101/"
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "50"
    assert site.soup("news/").select_one('nav.site-pagination a[rel="prev"]') is None


def test_at_scale_the_archive_links_every_year_with_its_count(many_posts_site):
    site = many_posts_site
    years = site.soup("news/archive/").select(".site-news-archive ul")[0].select("li")
    labels = [li.a.get_text(strip=True) for li in years]
    assert labels == [str(year + 543) for year in range(2026, 2017, -1)]
    total = 0
    for li in years:
        year_page = site.resolve("news/archive/", li.a["href"])[0]
        count = int(li.get_text().split("(")[1].split()[0])
        pages = [year_page] + [f"{year_page}page/{n}/" for n in range(2, 40) if site.file_for(f"{year_page}page/{n}/")]
        assert sum(len(entry_dates(site.soup(page))) for page in pages) == count
        total += count
    assert total == 1002


def test_at_scale_feeds_hold_the_latest_twenty(many_posts_site):
    site = many_posts_site
    for prefix, name in [(prefix, name) for name in ("rss.xml", "atom.xml") for prefix in PREFIXES]:
        feed = feedparser.parse((site.root / prefix / "news" / name).read_bytes())
        assert feed.bozo == 0 and len(feed.entries) == 20
        dates = [entry.published_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)
        assert all(entry.link.startswith(site.site_url + prefix + "news/") for entry in feed.entries)


def test_at_scale_an_untranslated_post_falls_back_with_a_notice(many_posts_site):
    site = many_posts_site
    english = site.soup(OTHER_PREFIX + "news/2026/thai-only/")
    assert english.select_one(".site-fallback-notice") is not None
    first_entry = site.soup(OTHER_PREFIX + "news/").select_one(".site-news-entry h2")
    assert first_entry["lang"] == DEFAULT
    assert site.resolve(OTHER_PREFIX + "news/", first_entry.a["href"])[0] == OTHER_PREFIX + "news/2026/thai-only/"


def test_at_scale_json_ld_parses_on_every_post(many_posts_site):
    site = many_posts_site
    for path in ("news/2020/sample-700/", OTHER_PREFIX + "news/2024/sample-300/"):
        assert json_ld(site.soup(path))["@type"] == "NewsArticle"
