"""What frames every page: the office's name in the header, its emblem, the footer; and the
home page's ways in. All of it comes from mkdocs.yml and the office facts (docs/office.yml):
nothing about the office is written here.

`site_name` (one per language, static-i18n) is the office's full name. The office facts add,
each optional and shown only when set (checked with the other facts, officesite.office):
- short_name, per language: the name the header shows where the full name does not fit;
- parent, per language: the organisation the office belongs to, by its name;
- parent_url: that organisation's website, an https:// address;
- emblem: the office's emblem or logo, an image file under docs/.
`extra.home_links` and `extra.footer_links` list pages of the navigation by their file under
docs/ (the default language's): the home page's ways in, and the footer's links.
"""

from urllib.parse import quote

from officesite.metadata.shown import shown_value
from officesite.office import office_facts, text_in

LINK_LISTS = ("home_links", "footer_links")
CONTACT_TYPE = "contact"  # officesite.page_types: the page that shows the office's contact facts


# What is wrong with the link lists, one line each (field first).
def chrome_config_problems(extra: dict) -> list[str]:
    problems = []
    for name in LINK_LISTS:
        links = extra.get(name, [])
        if not isinstance(links, list) or not all(isinstance(link, str) and link.endswith(".md") for link in links):
            problems.append(f"extra.{name}: expected a list of pages by their file under docs/ (e.g. about.md), got {shown_value(links)}")
    return problems


# The link lists' pages that are not in the navigation of a language's run, one line each.
def missing_link_problems(extra: dict, pages, languages) -> list[str]:
    known = _pages_by_stem(pages, languages)
    return [
        f"extra.{name}: {link}: expected a page of the navigation, got none"
        for name in LINK_LISTS
        for link in extra.get(name, []) if isinstance(link, str) and languages.of_src(link) and languages.of_src(link)[1] not in known
    ]


def _pages_by_stem(pages, languages) -> dict:
    found = {}
    for page in pages:
        located = languages.of_src(page.file.src_uri)
        if located:
            found.setdefault(located[1], page)
    return found



# A path under docs/ as a URL path relative to the site's root: percent-encoded, so that no
# character of a file's name can end the attribute or make it a link to another site.
def site_path_url(path: str) -> str:
    return quote(path.lstrip("/"), safe="/")


# The template variables of every page's frame, in the language being built; `office`: the
# checked office facts (officesite.office).
def chrome_context(extra: dict, office: dict, pages, lang, languages, strings) -> dict:
    facts = office_facts(office, lang)
    by_stem = _pages_by_stem(pages, languages)

    def links(name):
        return [
            _link(by_stem[languages.of_src(link)[1]], facts, strings)
            for link in extra.get(name, [])
            if languages.of_src(link) and languages.of_src(link)[1] in by_stem
        ]

    return {
        "office_identity": {
            "short_name": text_in(office.get("short_name"), lang),
            "parent": text_in(office.get("parent"), lang),
            "parent_url": text_in(office.get("parent_url"), lang),
            "emblem": site_path_url(text_in(office.get("emblem"), lang)),
        },
        "office_facts": facts,
        "home_links": links("home_links"),
        "footer_links": links("footer_links"),
    }


# A link to a page: its title and description; the contact page says what it offers.
def _link(page, facts, strings) -> dict:
    title, description = page.title, page.meta.get("description", "")
    if page.meta.get("page_type") == CONTACT_TYPE and not facts:
        title, description = strings["contact_link_none"], strings["contact_none"]
    return {"title": title, "url": page.url, "description": description}
