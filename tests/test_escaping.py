"""Escaping is the default: the project's templates autoescape, and the few places that
print HTML unescaped are listed here, each with its reason. A new `|safe`, `{% autoescape
false %}` or `Markup(…)` fails test_every_unescaped_output_is_on_the_allow_list until it
is added below, with its reason, after review."""

import re
from collections import Counter
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.nav import Section
from officesite.security.escaping import (
    autoescape_for,
    escape_meta_texts,
    escape_nav_titles,
    escaped,
    project_templates,
    title_markup,
)

ROOT = Path(__file__).resolve().parent.parent
UNESCAPED = re.compile(r"\|\s*safe\b|\{%-?\s*autoescape\s+false|\bMarkup\(")

# (file, line as written): how many times, and why it may print HTML as it is.
ALLOWED = {
    ("overrides/news-post.html", "{{ page.content | safe }}"): (1, "the post's body: HTML that Markdown made from the office's text"),
    ("hooks/officesite/material.py", "return Markup(edited)"): (1, "Material's own config and scripts blocks (super()), edited as text by the template edits"),
    ("hooks/officesite/security/escaping.py", """return Markup(heading_title.replace('"', "&#34;").replace("'", "&#39;"))"""): (
        1, "a title MkDocs took from a heading: HTML text already, quotes escaped here"),
    ("hooks/officesite/thai_breaks.py", "return Markup(mark_html(str(text)))"): (
        1, "the thai_breaks filter: escaped text (Markup, or escaped here) with <span>/<wbr> added around Thai words only"),
}


def unescaped_outputs() -> list[tuple[str, str]]:
    found = []
    for path in sorted([*(ROOT / "overrides").rglob("*.html"), *(ROOT / "hooks").rglob("*.py"), *(ROOT / "hooks").rglob("*.html")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if UNESCAPED.search(line) and not line.lstrip().startswith("#"):
                found.append((path.relative_to(ROOT).as_posix(), line.strip()))
    return found


def test_every_unescaped_output_is_on_the_allow_list():
    found = Counter(unescaped_outputs())
    assert {place: count for place, count in found.items() if ALLOWED.get(place, (0,))[0] != count} == {}
    assert set(ALLOWED) == set(found), "an allowed place is gone: remove it from ALLOWED"


def test_the_projects_templates_and_only_they_autoescape():
    names = project_templates(ROOT / "overrides")
    assert {"main.html", "partials/news-entry.html", "partials/office-contact.html"} <= names
    autoescape = autoescape_for(names)
    assert autoescape("news-post.html") and autoescape("partials/alternate.html")
    assert not autoescape("base.html") and not autoescape("partials/content.html") and not autoescape(None)


def test_text_is_escaped_once():
    assert escaped('<ประกาศ> & "x"') == "&lt;ประกาศ&gt; &amp; &#34;x&#34;"
    assert escaped(escaped("&amp;")) == "&amp;amp;"
    assert escaped(2024) == "2024"


def test_front_matter_title_and_tags_become_escaped_text():
    meta = {"title": "PM2.5 <50 µg/m³", "tags": ["<b>", 7], "description": "<kept>"}
    escape_meta_texts(meta)
    assert meta == {"title": "PM2.5 &lt;50 µg/m³", "tags": ["&lt;b&gt;", 7], "description": "<kept>"}
    assert isinstance(meta["title"], Markup)


def test_a_page_title_is_markup_whatever_its_source():
    assert title_markup(Markup("&lt;x&gt;"), None, Markup("&lt;x&gt;")) == "&lt;x&gt;"
    heading = 'Category 2: "&gt;&lt;img src=x&gt;'  # MkDocs' text of a heading: entities, raw quotes
    assert title_markup(None, heading, heading) == "Category 2: &#34;&gt;&lt;img src=x&gt;"
    assert title_markup(None, None, "About & more") == "About &amp; more"


def test_navigation_titles_from_mkdocs_yml_become_escaped_text():
    section = Section("<ประกาศ>", [Section("a & b", [])])
    escape_nav_titles([section])
    assert (section.title, section.children[0].title) == ("&lt;ประกาศ&gt;", "a &amp; b")
