"""Heading anchors that keep Thai text intact.

Python-Markdown's and pymdown's slugify drop characters that are not `\\w`; Thai vowel
and tone marks are combining marks (Unicode categories Mn/Mc), so "ข่าว" became "ขาว".
No maintained library slugifies Thai without transliterating it, hence this function.
"""

import re
import unicodedata

_KEPT_CATEGORIES = ("L", "N", "M")  # letters, numbers and combining marks
_SPACES = re.compile(r"[\s\-_]+")


# Make an anchor id from a heading's text: lower case, marks kept, punctuation dropped.
def slugify_heading(text: str, separator: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    kept = "".join(
        char if unicodedata.category(char)[0] in _KEPT_CATEGORIES else " "
        for char in _SPACES.sub(" ", text)
    )
    return _SPACES.sub(separator, kept.strip())
