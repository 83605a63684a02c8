"""How a message shows a value it refuses: short, on one line, with nothing a terminal acts on."""

import json

SHOWN_LENGTH = 40


# A value as a message shows it: text quoted and escaped, cut at SHOWN_LENGTH characters;
# arrays and objects by their kind, so a hostile file cannot flood the message.
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
