"""Links between a page and its versions in the other languages.

static-i18n records each page's versions in `page.file.alternates`; this hook turns them into
what the templates render: the language switch in the header (relative links, so the site
works under any base path) and `<link rel="alternate" hreflang>` in `<head>` (absolute URLs,
with x-default pointing at the default language). It also tells the templates when a page is
shown in another language because it is not translated yet.
"""

from mkdocs.utils import get_relative_url


# What the templates need about a page's languages, in the language being built.
def page_language_context(languages, page, lang) -> dict:
    # static-i18n names the default home page "./"; the site root is "" everywhere else.
    versions = {code: file.url.removeprefix("./") for code, file in page.file.alternates.items()}
    return {
        "language_links": language_links(page.url, versions, languages, lang),
        "hreflang_links": hreflang_links(versions, languages),
        "open_graph_locale": languages.open_graph_locale(lang),
        "content_lang": page.file.locale,
        "is_fallback": page.file.locale != lang,
    }


# The language switch: one entry per built language, marking the page's own.
def language_links(page_url, versions, languages, page_lang):
    return [
        {
            "lang": lang,
            "name": languages.names.get(lang, lang),
            "href": get_relative_url(versions[lang], page_url or "."),
            "current": lang == page_lang,
        }
        for lang in languages.codes
        if lang in versions
    ]


# The hreflang alternates of a page, absolute, plus x-default for the default language.
def hreflang_links(versions, languages):
    links = [{"hreflang": lang, "href": languages.absolute(versions[lang])} for lang in languages.codes if lang in versions]
    if languages.default in versions:
        links.append({"hreflang": "x-default", "href": languages.absolute(versions[languages.default])})
    return links
