"""A copy of the project whose content and configuration carry markup payloads in every field.

One copy holds every payload, each field of each kind carrying them in its own slot (its own
post, category, page or fact), so that one build checks every field separately. `SLOTS`
says where each payload went; tests/test_adversarial_content.py reads it back.
"""

import datetime
import io
import json
import re
from pathlib import Path

import yaml
from PIL import Image
from site_files import DEFAULT, LANGUAGES, OTHER

# Markup that must stay text wherever content lands.
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "pm25": "PM2.5 <50 µg/m³",
    "thai": "<ประกาศ>",
    "jinja": "{{ 7*7 }}",
    "entity": "&amp;",
}
LANGS = LANGUAGES.codes
NEWS_YEAR = 2019  # in the past: these posts are published, whatever the build date
# Ordinary pages whose front matter title and description carry a payload, one each.
PAGES = dict(zip(PAYLOADS, ("about", "accessibility", "privacy", "site-map", "pmqa/index", "news/archive")))
# Criteria category N (1..6) carries payload N in its title and in its first item's title.
CATEGORIES = {key: number for number, key in enumerate(PAYLOADS, start=1)}
# levels.yml names: (level id, language) -> payload; each payload at least once.
LEVEL_NAMES = {
    ("basic", DEFAULT): "script", ("advance", DEFAULT): "attribute", ("significance", DEFAULT): "pm25", ("none", DEFAULT): "thai",
    ("basic", OTHER): "jinja", ("advance", OTHER): "entity", ("significance", OTHER): "script", ("none", OTHER): "attribute",
}
# docs/office.yml: (fact, language or None) -> payload; each payload at least once.
OFFICE_FACTS = {
    ("address", DEFAULT): "script", ("address", OTHER): "attribute", ("phone", None): "pm25", ("fax", None): "jinja",
    ("opening_hours", DEFAULT): "entity", ("opening_hours", OTHER): "thai",
}
# An e-mail address is checked as one (markup is refused, tests/test_office_file.py): what may
# pass are addresses with characters that HTML, URLs and templates treat specially.
OFFICE_EMAILS = {"email": "{{7*7}}&amp@example.org", "accessibility_email": "o'neil&#x27|`$%@example.org"}
SITE_NAME = "attribute"  # the Thai site_name
OTHER_SITE_NAME = "thai"  # the English site_name, static-i18n's override in the i18n plugin's languages
SITE_DESCRIPTION = "script"  # shown where a page has no description of its own, and in the feeds
COPYRIGHT = "jinja"  # the footer
# security.txt is plain text, and a contact is an address: markup is refused (tested on its
# own); what may pass is an https:// address with characters HTML and URLs treat specially.
SECURITY_CONTACT = "https://example.org/report?a='1'&b=2"
NAV_SECTION = "thai"  # the title of the navigation's PMQA section
# Each language's own text: static-i18n drops from search an English page identical to its Thai one.
POST_TEXT = {DEFAULT: "เนื้อหาของข่าว\n", OTHER: "The text of the post.\n"}
# A small photo: covers must be real photos as wide as the narrowest published width.
PHOTO_SIZE = (480, 320)


def post_slug(key: str) -> str:
    return f"adv-{key}"


def category_id(key: str) -> str:
    return f"adv-{key}"


# The cover of a payload's post: its path in the post's photo folder, the payload being its
# file name ("</script>" makes a folder of "<script>alert(1)<").
def photo_src(key: str) -> str:
    return f"{PAYLOADS[key]}.png"


# Put every payload into the project copy at `project`.
def write_payloads(project: Path) -> None:
    docs = project / "docs"
    _write_news(docs)
    _write_criteria(docs)
    for key, page in PAGES.items():
        for lang in LANGS:
            _update_front_matter(_page_file(docs, page, lang), {"title": PAYLOADS[key], "description": PAYLOADS[key]})
    _write_configuration(project / "mkdocs.yml")
    _write_office(docs / "office.yml")


def _write_news(docs: Path) -> None:
    categories_file = docs / "news" / "categories.yml"
    categories = yaml.safe_load(categories_file.read_text(encoding="utf-8"))
    photo = io.BytesIO()
    Image.linear_gradient("L").resize(PHOTO_SIZE).convert("RGB").save(photo, "PNG")
    for day, (key, payload) in enumerate(PAYLOADS.items(), start=1):
        categories[category_id(key)] = {lang: payload for lang in LANGS}
        source = docs / "news" / str(NEWS_YEAR) / post_slug(key) / photo_src(key)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(photo.getvalue())
        front_matter = {
            "title": payload,
            "date": datetime.date(NEWS_YEAR, 1, day),
            "description": payload,
            "category": category_id(key),
            "tags": [payload],
        }
        cover = {"cover": {"src": photo_src(key), "alt": {lang: payload for lang in LANGS}}}  # the default language's file only
        for lang in LANGS:
            post = docs / "news" / str(NEWS_YEAR) / LANGUAGES.file_name(post_slug(key), lang)
            meta = front_matter | cover if lang == DEFAULT else front_matter
            post.write_text(_front_matter_text(meta) + POST_TEXT[lang], encoding="utf-8")
    categories_file.write_text(_yaml(categories), encoding="utf-8")


def _write_criteria(docs: Path) -> None:
    for key, number in CATEGORIES.items():
        for lang in LANGS:
            path = _page_file(docs, f"pmqa/category-{number}", lang)
            meta, _ = _split_front_matter(path)
            pmqa = meta["pmqa"]
            pmqa["title"] = PAYLOADS[key]
            pmqa["items"][0]["title"] = PAYLOADS[key]
            _update_front_matter(path, {"pmqa": pmqa})
    levels_file = docs / "pmqa" / "levels.yml"
    levels = yaml.safe_load(levels_file.read_text(encoding="utf-8"))
    for level in [*levels["levels"], levels["not_reached"]]:
        for lang in LANGS:
            level["name"][lang] = PAYLOADS[LEVEL_NAMES[(level["id"], lang)]]
    levels_file.write_text(_yaml(levels), encoding="utf-8")


def _write_office(office_yml: Path) -> None:
    office = yaml.safe_load(office_yml.read_text(encoding="utf-8"))
    for (fact, lang), key in OFFICE_FACTS.items():
        if lang:
            office[fact] = {**office[fact], lang: PAYLOADS[key]} if isinstance(office[fact], dict) else {lang: PAYLOADS[key]}
        else:
            office[fact] = PAYLOADS[key]
    office |= OFFICE_EMAILS | {"security_contact": SECURITY_CONTACT}
    office_yml.write_text(_yaml(office), encoding="utf-8")


def _write_configuration(mkdocs_yml: Path) -> None:
    text = mkdocs_yml.read_text(encoding="utf-8")
    for pattern, key in [
        (r"^(site_name: ).*$", SITE_NAME),
        (r"^(site_description: ).*$", SITE_DESCRIPTION),
        (r"^(copyright: ).*$", COPYRIGHT),
        (rf"^(        - locale: {OTHER}\n(?:          .*\n)*?          site_name: ).*$", OTHER_SITE_NAME),
    ]:
        text, found = re.subn(pattern, lambda match: match.group(1) + json.dumps(PAYLOADS[key]), text, count=1, flags=re.M)
        assert found == 1, f"mkdocs.yml: {pattern} not found"
    text, found = re.subn(r"^  - PMQA 4\.0:$", "  - " + json.dumps(PAYLOADS[NAV_SECTION], ensure_ascii=False) + ":", text, count=1, flags=re.M)
    assert found == 1, "mkdocs.yml: PMQA nav section not found"
    mkdocs_yml.write_text(text, encoding="utf-8")


def _page_file(docs: Path, page: str, lang: str) -> Path:
    return docs / LANGUAGES.src_uri(page, lang)


def _split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)), text[match.end():]


def _update_front_matter(path: Path, changes: dict) -> None:
    meta, body = _split_front_matter(path)
    path.write_text(_front_matter_text({**meta, **changes}) + body, encoding="utf-8")


def _front_matter_text(meta: dict) -> str:
    return "---\n" + _yaml(meta) + "---\n\n"


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
