"""A page's searchable text: what a reader sees in its main content, as plain text.

Search matches what the page shows, so the text is read from the rendered page itself: the
content article (`<article class="md-content__inner …">`, Markdown and template parts alike),
without the heading permalinks (¶), scripts, styles and comments. It is read with regular
expressions, not an HTML parser: the article is the theme's own markup, and a parser costs
several milliseconds a page, seconds on a site of thousands of posts.

`flat` is the form both the index and a query are compared in; docs/assets/javascripts/search.js
computes the same form in the browser (`flat` there), from the same list of ignored characters.
"""

import html
import re
import sys
import unicodedata
from dataclasses import dataclass

ARTICLE_START = '<article class="md-content__inner md-typeset">'
ARTICLE_END = "</article>"  # the content article's own end tag is the page's last one
HIDDEN = re.compile(
    r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<a class=\"headerlink\"[^>]*>.*?</a>",
    re.DOTALL | re.IGNORECASE,
)
# Tags inside a line of text: no space where they open or close ("<b>ประชุม</b>เชิง" is one run).
INLINE = "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr".split()
NAME_END = "(?![a-zA-Z0-9-])"  # where a tag's name ends
# The article is cut where headings open (their ids start sections) and where an h1 closes
# (the first one ends the title); the pieces between are text and the tags inside it.
HEADING_EDGE = re.compile(rf"<(?:(h[1-6])|/(h1)){NAME_END}([^>]*)>", re.IGNORECASE)
ID = re.compile(r'\sid="([^"]*)"')
# An inline tag is taken out, the others are a space. The inline ones are first replaced by a
# NUL, taken out once character references are read, so that "&am<b>p;" reads as the page
# shows it, not as "&" (no reference ends at a NUL; browsers drop a NUL from a page's text).
INLINE_TAG = re.compile(rf"</?(?:{'|'.join(INLINE)}){NAME_END}[^>]*>", re.IGNORECASE)
OTHER_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*[^>]*>")
JOINED = "\x00"
# Ignored by matching: whitespace and invisible characters (soft hyphen, zero-width space and
# (non-)joiners, word joiner, BOM), written out so that search.js holds the very same class.
IGNORED_CLASS = "[\\t\\n\\v\\f\\r \\x85\\xa0\\xad\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]"
IGNORED = re.compile(IGNORED_CLASS + "+")


@dataclass(frozen=True)
class PageText:
    title: str
    text: str  # the whole article, title included, whitespace runs as one space
    sections: tuple[tuple[int, str], ...]  # (where a heading starts in text, its id), in order


# The text of a rendered page's content article, or None for a page without one. A few
# regular expressions over the whole article, not a step per tag: a thousand pages' text is
# read in a few hundredths of a second.
def page_text(page_html: str, fallback_title: str = "") -> PageText | None:
    start = page_html.find(ARTICLE_START)
    end = page_html.rfind(ARTICLE_END)
    if start < 0 or end < start:
        return None
    parts = HEADING_EDGE.split(HIDDEN.sub(" ", page_html[start + len(ARTICLE_START) : end]))
    # parts: text, then (heading opened, h1 closed, attributes, text) for every edge
    first = _shown(parts[0])
    pieces = [first] if first else []  # none empty, joined by a space
    length = len(first)  # of the text so far
    sections, title, heading_start = [], None, 0
    for at in range(1, len(parts), 4):
        heading, _h1_closed, attributes, piece = parts[at : at + 4]
        if heading:
            heading_start = length + 1 if length else 0
            anchor = ID.search(attributes)
            if anchor:
                sections.append((heading_start, html.unescape(anchor.group(1))))
        elif title is None:
            title = " ".join(pieces)[heading_start:].strip()
        piece = _shown(piece)
        if piece:
            pieces.append(piece)
            length += len(piece) + (1 if length else 0)
    body = " ".join(pieces)
    return PageText(title or fallback_title, body, tuple((min(at, len(body)), anchor) for at, anchor in sections))


# HTML between two edges as shown: tags out, character references read, whitespace runs as
# one space, none at either end.
def _shown(fragment: str) -> str:
    text = html.unescape(OTHER_TAG.sub(" ", INLINE_TAG.sub(JOINED, fragment))).replace(JOINED, "")
    return unicodedata.normalize("NFC", " ".join(text.split()))  # split(): what \s matches, at C speed


# The form text and queries are matched in: lower case, without whitespace or invisible
# characters, so "หมวด7" meets "หมวด 7" and "PMQA 4.0" meets "pmqa 4.0".
def flat(text: str) -> str:
    return IGNORED.sub("", unicodedata.normalize("NFC", text).lower())


# The keys a flat text is indexed under: every character and every pair of adjacent characters.
def grams(flat_text: str) -> set[str]:
    return set(flat_text) | {flat_text[i : i + 2] for i in range(len(flat_text) - 1)}


# The same grams as numbers, read from the text's UTF-32 form: a pair is its first character's
# code plus its second's shifted by 32 bits, a character its code with the CHARACTER bit. A
# page's thousands of characters hold a few hundred distinct grams: collected as numbers at C
# speed, not sliced out one string at a time (most of the index's time), then named once each.
CHARACTER = 1 << 62
LOW = 0xFFFFFFFF
LITTLE_ENDIAN = sys.byteorder == "little"  # the byte order memoryview reads numbers in
UTF_32 = "utf-32-le" if LITTLE_ENDIAN else "utf-32-be"


def gram_codes(flat_text: str) -> set[int]:
    data = memoryview(flat_text.encode(UTF_32))
    pairs = set(data[: len(flat_text) // 2 * 8].cast("Q"))  # those starting at even positions
    pairs.update(data[4 : 4 + (len(flat_text) - 1) // 2 * 8].cast("Q"))  # and at odd ones
    return pairs | {CHARACTER | code for code in set(data.cast("I"))}


def gram_of_code(code: int) -> str:
    if code & CHARACTER:
        return chr(code & LOW)
    first, second = (code & LOW, code >> 32) if LITTLE_ENDIAN else (code >> 32, code & LOW)
    return chr(first) + chr(second)
