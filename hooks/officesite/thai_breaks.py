"""Thai line breaking: short texts break between words, never inside one.

Thai has no spaces between words. Chromium finds where a Thai line may break with ICU's
dictionary, which lacks many of this site's words ("ธรรมาภิบาล" breaks as "ธร|รมาภิ|บาล",
"สิ่งแวดล้อม" as "สิ่ง|แวดล้อม") and, where a line overflows, breaks anywhere. No CSS says
where Thai words end: `word-break: keep-all` does not apply to Thai (line-break class SA) in
Chromium, measured with and without `<wbr>`. So short texts (headings, table cells, list
items, navigation, news cards, header and footer) are marked when the site is built, with
pythainlp's newmm (officesite.thai_words): each word is a
`<span class="site-word">` that does not wrap inside (site.css), with a `<wbr>` between two
words, the only break opportunities left inside a Thai run. Neither adds a character: copied
text, find in page, accessible names and the search index (which reads `<span>` and
`<wbr>` as inline, officesite.search.text) read as before.
"""

import re
from functools import lru_cache

from markupsafe import Markup, escape

from officesite.thai_words import THAI_RUN, newmm_words, split_compound

WORD = '<span class="site-word">{}</span>'
BREAK = "<wbr>"
# Longer words (compounds such as "สำนักงานปลัดกระทรวง") may break between the dictionary
# words they are made of: kept whole, they would overflow a phone's line at the largest size.
LONGEST_WHOLE = 12  # code points
# Elements of a page's content whose text is marked: headings, table cells, list items,
# terms, captions. Running paragraphs are left to the browser.
SHORT_TEXT = re.compile(r"(<(h[1-6]|th|td|li|dt|dd|caption|figcaption|summary)\b[^>]*>)(.*?)(</\2>)", re.DOTALL)
TAG = re.compile(r"(<[^>]*>)")


# A Thai run as words, each unbreakable, with break opportunities between them.
@lru_cache(maxsize=65536)
def marked_run(run: str) -> str:
    return BREAK.join(WORD.format(piece) for piece in line_words(run))


# The words of a Thai run that a line keeps whole, in order: newmm's words, long compounds in
# their dictionary words.
def line_words(run: str) -> list[str]:
    words: list[str] = []
    for word in newmm_words(run):
        # A lone character is no word (the "ภ" of "สสภ", a "ๆ"): it stays with the word before.
        if words and len(word) == 1:
            words[-1] += word
        else:
            words.append(word)
    return [piece for word in words for piece in (split_compound(word) if len(word) > LONGEST_WHOLE else (word,))]


# HTML text (no tags) with every Thai run marked; the rest is left as it is.
def mark_text(html_text: str) -> str:
    return THAI_RUN.sub(lambda match: marked_run(match.group()), html_text)


# HTML with the Thai runs of its text marked; tags (and their attributes) untouched.
def mark_html(html: str) -> str:
    return "".join(part if part.startswith("<") else mark_text(part) for part in TAG.split(html))


# A page's content with the text of its headings and table cells marked.
def mark_short_texts(content: str) -> str:
    return SHORT_TEXT.sub(lambda m: m.group(1) + mark_html(m.group(3)) + m.group(4), content)


# The `thai_breaks` filter of the templates: text (escaped here unless it is Markup already)
# with its Thai runs marked. Navigation titles come back on every page: each is marked once
# (typed: a str and the Markup of the same characters are escaped differently).
@lru_cache(maxsize=4096, typed=True)
def thai_breaks(value) -> Markup:
    text = value if isinstance(value, Markup) else escape("" if value is None else str(value))
    return Markup(mark_html(str(text)))
