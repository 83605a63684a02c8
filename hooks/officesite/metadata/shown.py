"""How a message shows what it names: a value it refuses, a number, a path. Short, on one
line, with nothing a terminal acts on."""

import json
import math
import os
from functools import lru_cache
from pathlib import Path

SHOWN_LENGTH = 40
# A whole number of this many digits or more is shown by its length (Python refuses to print
# one of over 4,300 digits).
LONG_NUMBER_DIGITS = 30


# A path as an author knows it: relative to the project when it lies inside it, on one line.
def shown_path(path, display_root=None) -> str:
    if display_root is not None:
        relative = os.path.relpath(path, display_root)
        if not relative.startswith(".."):
            return printable(Path(relative).as_posix())
    return printable(Path(path).as_posix())


# A page's source file as the author knows it, e.g. docs/news/2018/pmqa-workshop.<code>.md.
def page_source(page, config) -> str:
    return f"{_folder_name(config.docs_dir)}/{page.file.src_uri}"


@lru_cache(maxsize=8)  # asked for on every page
def _folder_name(path: str) -> str:
    return Path(path).name


# Text with its control characters written as escapes, so a message stays one line.
def printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(repr(c)[1:-1] if not c.isprintable() and c != " " else c for c in text)


# A value as a message shows it: what it is, and the value itself when it is short.
def kind_of(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, str):
        return "an empty text" if not value.strip() else "text"
    if isinstance(value, (int, float)):
        return f"a number ({shown_number(value)})"
    if isinstance(value, (list, tuple)):
        return "an empty list" if not value else "a list"
    if isinstance(value, dict):
        return "an empty mapping" if not value else "a mapping"
    return type(value).__name__


# A number as YAML writes it: .inf and .nan rather than Python's inf and nan; a whole number
# too long to show by its length.
def shown_number(value) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    if isinstance(value, int) and abs(value) >= 10**LONG_NUMBER_DIGITS:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, float):
        short, exact = f"{value:g}", repr(value)  # 1e+09 and 300, but 1.0000001 and 1e-320 (not 9.99989e-321)
        return short if float(short) == value and len(short) <= len(exact) else exact
    return str(value)


# A value as a message quotes it: text quoted and escaped, cut at SHOWN_LENGTH characters;
# lists and mappings by their kind, so a hostile file cannot flood the message.
def shown_value(value) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, str):
        text = json.dumps(value[:SHOWN_LENGTH], ensure_ascii=False)
        cut = "…" if len(value) > SHOWN_LENGTH else ""
    else:
        text = json.dumps(value) if isinstance(value, (bool, int, float, type(None))) else type(value).__name__
        text, cut = text[:SHOWN_LENGTH], "…" if len(text) > SHOWN_LENGTH else ""
    # json.dumps escapes C0 controls; line and paragraph separators, bidi overrides and the
    # like are not, and would break the line or reorder it on a terminal.
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text) + cut


# A checked value as a message compares it with another file's: a date as 2018-07-18, true or
# false, a number as YAML writes it, none for a value not given, a list as its items.
def shown_plain(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return shown_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(shown_plain(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return printable(str(value))
