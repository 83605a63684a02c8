"""Links between a page and its versions in the other languages.

static-i18n records each page's versions in `page.file.alternates`; this hook turns them into
what the templates render: the language switch in the header (relative links, so the site
works under any base path) and `<link rel="alternate" hreflang>` in `<head>` (absolute URLs,
with x-default pointing at the default language). It also tells the templates when a page is
shown in another language because it is not translated yet.
"""

from mkdocs.utils import get_relative_url

# Open Graph names the language and region of a page.
OPEN_GRAPH_LOCALES = {"th": "th_TH", "en": "en_US"}


# The language switch: one entry per built language, marking the page's own.
def language_links(page_url, versions, languages, page_lang):
    return [
        {
            "lang": lang,
            "name": name,
            "href": get_relative_url(versions[lang], page_url or "."),
            "current": lang == page_lang,
        }
        for lang, name in languages
        if lang in versions
    ]


# The hreflang alternates of a page, absolute, plus x-default for the default language.
def hreflang_links(versions, languages, default_lang, site_url):
    base = (site_url or "/").rstrip("/") + "/"
    links = [{"hreflang": lang, "href": base + versions[lang]} for lang, _ in languages if lang in versions]
    if default_lang in versions:
        links.append({"hreflang": "x-default", "href": base + versions[default_lang]})
    return links
