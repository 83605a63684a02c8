"""Content and configuration are text: escaped for HTML wherever a template prints them.

MkDocs' Jinja environment has no autoescape, and Material's templates print values as they
are (they rely on that for page.content). So:
- the project's own templates (every file under overrides/) are autoescaped: each `{{ }}`
  is escaped unless its value is Markup; the `safe` filter marks the few values that are
  HTML by nature (page.content), and tests/test_escaping.py holds the list of them;
- what Material's templates print as it is is made safe where it comes from: a page's
  front matter title and tags, navigation titles from mkdocs.yml and the configuration's
  texts (site_name, …) become escaped Markup, so printing them prints text, and `|e` leaves
  Markup alone, so nothing is escaped twice. A title taken from a page's first heading is
  HTML already (Markdown escaped it) and is left as it is.
Python code that writes other formats (feeds, JSON-LD, the calculator's data) reads the raw
values from the posts and the configuration, never these escaped ones.
"""

import copy
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.structure.nav import Link, Section

from officesite.schema import SITE_TEXTS

# Configuration texts that Material's templates print (header, drawer, footer, <title>).
CONFIG_TEXTS = tuple(field.name for field in SITE_TEXTS.fields)


@dataclass
class EscapingState:
    """The configuration as the templates of the language being built see it (officesite.build):
    made when its run starts (on_env), after static-i18n has set that language's texts."""

    config: object = None


# The names of the templates under a templates folder, as Jinja names them.
def project_templates(folder: Path) -> frozenset[str]:
    return frozenset(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


# Jinja's autoescape setting: on for the given template names only.
def autoescape_for(names: frozenset[str]):
    return lambda template_name: template_name in names


# Text as escaped Markup, printed as text by any template.
def escaped(value) -> Markup:
    return value if isinstance(value, Markup) else escape(str(value))


# A page's front matter title and tags as escaped text (Material prints both unescaped).
def escape_meta_texts(meta: dict) -> None:
    if meta.get("title") is not None:
        meta["title"] = escaped(meta["title"])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [escaped(tag) if isinstance(tag, str) else tag for tag in meta["tags"]]


# A page's title as Markup: the front matter's (escaped already), the first heading's (HTML
# text already: MkDocs strips its tags and keeps its entities, but leaves quotes, which
# Material prints into attributes), or any other (the file's name: escaped).
def title_markup(meta_title, heading_title, title) -> Markup:
    if meta_title is None and heading_title and title == heading_title:
        return Markup(heading_title.replace('"', "&#34;").replace("'", "&#39;"))
    return escaped(title)


# Titles given in mkdocs.yml's `nav` (sections, links, pages named there) as escaped text.
# A page's own title is not read yet here and is escaped with its front matter.
def escape_nav_titles(items) -> None:
    for item in items:
        if isinstance(item, (Section, Link)) or item.title is not None:
            item.title = escaped(item.title)
        if isinstance(item, Section):
            escape_nav_titles(item.children)


# The configuration as templates see it: the same, with its texts as escaped Markup.
def escaped_config(config):
    view = copy.copy(config)
    for key in CONFIG_TEXTS:
        if isinstance(view.get(key), str):
            view[key] = escaped(view[key])
    return view
