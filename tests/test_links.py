"""Every internal reference resolves; no asset comes from another origin; sitemap.xml is complete."""

import re
import xml.etree.ElementTree as ET

from site_files import LANGUAGES, language_of

ASSET_ATTRIBUTES = {"script": "src", "img": "src", "source": "src", "iframe": "src", "video": "src", "audio": "src", "embed": "src", "object": "data"}
# <link> relations that only name a page (navigation), not something the browser fetches.
PAGE_RELATIONS = {"alternate", "canonical", "prev", "next"}


def references(soup):
    for tag in soup.find_all(href=True):
        yield tag, tag["href"]
    for tag in soup.find_all(src=True):
        yield tag, tag["src"]


def test_every_internal_reference_and_fragment_resolves(site):
    broken = []
    for html in site.html_files:
        page = site.url_of(html)
        for tag, reference in references(site.soup(page)):
            resolved = site.resolve(page, reference)
            if resolved is None:
                continue
            target, fragment = resolved
            file = site.file_for(target)
            if file is None:
                broken.append(f"{page}: {reference} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in site.ids(target):
                broken.append(f"{page}: {reference} (no such fragment)")
    assert broken == []


def external(url: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE)) and not url.startswith("http://127.0.0.1:8000/")


def test_no_asset_is_loaded_from_another_origin(site):
    offenders = []
    for html in site.html_files:
        soup = site.soup(site.url_of(html))
        for tag in soup.find_all("link", href=True):
            if not PAGE_RELATIONS & set(tag.get("rel", [])) and external(tag["href"]):
                offenders.append((html.name, tag["href"]))
        for name, attribute in ASSET_ATTRIBUTES.items():
            offenders += [(html.name, tag[attribute]) for tag in soup.find_all(name, attrs={attribute: True}) if external(tag[attribute])]
        offenders += [(html.name, tag["srcset"]) for tag in soup.find_all(srcset=True) if "//" in tag["srcset"]]
    for css in site.root.rglob("*.css"):
        offenders += [(css.name, url) for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")) if external(url)]
    assert offenders == []


def test_sitemap_lists_every_page_of_both_languages_and_nothing_else(site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.root / "sitemap.xml").getroot()
    listed = [loc.text.removeprefix(site.site_url) for loc in root.findall("s:url/s:loc", namespace)]
    assert sorted(listed) == sorted(site.pages)
    assert {language_of(page) for page in listed} == set(LANGUAGES.codes)


def test_heading_anchors_keep_thai_vowels_and_tone_marks(site):
    ids = site.ids("about/")
    assert "ส่วนงานของสำนักงาน" in ids
