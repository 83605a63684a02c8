"""Reading a metadata file: bytes to text, front matter, YAML with limits. Plain Python.

- Text is UTF-8 (a UTF-8 BOM is accepted and dropped); Windows-874/TIS-620, what Thai Windows
  editors still write, is recognised and the author told how to re-save the file.
- YAML is read with limits: at most MAX_YAML_BYTES, no aliases (an alias bomb is refused
  before it is expanded), no key given twice, no number longer than MAX_NUMBER_CHARACTERS,
  dates kept as text (the Date field checks them).
Every function raises MetadataError with one line on a problem, naming the file (`where`).
"""

import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from officesite.metadata.problems import MetadataError
from officesite.metadata.shown import printable

MAX_YAML_BYTES = 64 * 1024
# A number longer than this is a mistake (Python refuses to print an int of over 4,300 digits,
# and one of 400 cannot become a float): refused before YAML turns it into one.
MAX_NUMBER_CHARACTERS = 30
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
BOM = "\ufeff"
THAI_LETTER = re.compile("[\u0e00-\u0e7f]")
# A Thai vowel sign or tone mark sits on a Thai letter; after anything else the text is not Thai.
STRAY_THAI_MARK = re.compile("(?<![\u0e01-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")




# The text of a file, or MetadataError with one line saying why it cannot be read.
def read_text(path: Path, where: str) -> str:
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise MetadataError([f"{where}: file: expected a file, got a folder (rename or remove it)"]) from None
    except FileNotFoundError:
        raise MetadataError([f"{where}: file: expected a file, found none"]) from None
    return decode_text(data, where)


# Bytes as text: UTF-8, with or without a BOM, line ends made "\n" as MkDocs reads them.
def decode_text(data: bytes, where: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MetadataError([f"{where}: encoding: {encoding_problem(data, error)}"]) from None
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


# What a file that is not UTF-8 holds, and how to fix it.
def encoding_problem(data: bytes, error: UnicodeDecodeError) -> str:
    if _looks_like_windows_874(data):
        return (
            "expected UTF-8, got Windows-874 (TIS-620) Thai text: save the file again as UTF-8 "
            "(Notepad: Save As, Encoding UTF-8; or iconv -f CP874 -t UTF-8)"
        )
    return f"expected UTF-8, got a byte that is not UTF-8 (0x{data[error.start]:02X} at byte {error.start}): save the file again as UTF-8"


# Thai Windows text: it decodes as cp874 into mostly Thai letters, each mark on a letter
# (Latin-1 accents decode as Thai marks too, but after Latin letters).
def _looks_like_windows_874(data: bytes) -> bool:
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    thai = sum(bool(THAI_LETTER.match(c)) for c in non_ascii)
    return thai > 0 and thai >= 0.8 * len(non_ascii) and not STRAY_THAI_MARK.search(text)


# The YAML front matter of a page's text, and the file line it starts on; (None, 0) without one.
def front_matter_of(text: str) -> tuple[str | None, int]:
    match = YAML_RE.match(text)  # the pattern MkDocs reads front matter with
    return (match.group(1), 2) if match else (None, 0)


# The front matter of a Markdown file as data ({} without one), or MetadataError.
def read_front_matter(path: Path, where: str) -> object:
    source, first_line = front_matter_of(read_text(path, where))
    return {} if source is None else parse_yaml(source, where, "front matter", first_line)


# A YAML file as data, or MetadataError.
def read_yaml_file(path: Path, where: str) -> object:
    return parse_yaml(read_text(path, where), where, "file", 1)


# YAML text as data, read with limits; MetadataError with one line on any problem.
# `what` names the whole (file or front matter); `first_line` is its first line in the file.
def parse_yaml(source: str, where: str, what: str = "file", first_line: int = 1) -> object:
    size = len(source.encode("utf-8"))
    if size > MAX_YAML_BYTES:
        raise MetadataError([f"{where}: {what}: expected at most {MAX_YAML_BYTES // 1024} KB of YAML, got {size / 1024:.0f} KB"])
    try:
        node = yaml.compose(source, Loader=YamlLoader)
    except yaml.YAMLError as error:
        raise MetadataError([f"{where}: {what}: expected valid YAML, got {_yaml_error(error, first_line)}"]) from None
    if node is None:
        return None
    problem = _node_problem(node, first_line)
    if problem:
        raise MetadataError([f"{where}: {problem}"])
    try:
        return YamlLoader("").construct_document(node)
    except yaml.YAMLError as error:
        raise MetadataError([f"{where}: {what}: expected valid YAML, got {_yaml_error(error, first_line)}"]) from None
    except (ValueError, TypeError, OverflowError, KeyError) as error:  # a tag its value cannot hold: !!int abc, !!bool maybe
        raise MetadataError([f"{where}: {what}: expected valid YAML, got a value its tag cannot hold ({printable(str(error))[:80]})"]) from None


# libyaml's C parser when present (thousands of posts), Python's otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class YamlLoader(_SafeLoader):
    """Safe YAML without dates: `date` stays text, so a bad date gets a precise message."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
        for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    }


# An explicit `!!timestamp 2018-02-30` stays text too (constructing it would raise).
YamlLoader.add_constructor(TIMESTAMP_TAG, YamlLoader.construct_yaml_str)


# The first alias or repeated key in a composed YAML document, as "field: expected …, got …".
# An alias is a node met twice; the walk visits each node once, in document order (so the
# anchor is met first), and a bomb costs only its size.
def _node_problem(root, first_line: int) -> str | None:
    seen: set[int] = set()
    stack = [(root, "")]
    while stack:
        node, field = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + first_line
            return f"{field or 'value'}: expected a value written out, got a YAML alias (*name) of the value on line {line}: write it out, aliases are not accepted"
        seen.add(id(node))
        children = []
        if isinstance(node, yaml.MappingNode):
            lines: dict = {}
            for key, value in node.value:
                name = printable(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                path = f"{field}.{name}" if field else name
                if name in lines:
                    return f"{path}: expected the field once, got it twice (lines {lines[name]} and {key.start_mark.line + first_line})"
                lines[name] = key.start_mark.line + first_line
                children += [(key, path), (value, path)]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, f"{field}[{index}]") for index, item in enumerate(node.value)]
        elif node.tag in NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARACTERS:
            return (
                f"{field or 'value'}: expected a number of at most {MAX_NUMBER_CHARACTERS} characters "
                f"(quote it if it is text), got one of {len(node.value)} characters"
            )
        stack += reversed(children)
    return None


def _yaml_error(error, first_line: int) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None)
    if mark is not None and problem:
        return f"{problem} (line {mark.line + first_line})"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
