"""The one problem collector and the one message form: `file: field: expected …, got …`.

A reader adds every problem it finds to a `Problems` and goes on, so that an author sees
every problem of a build at once; at the end, `raise_if_any` stops with all of them.
"""

from officesite.metadata.fields import join


class MetadataError(Exception):
    """Invalid metadata; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class Problems:
    """The problems found so far, one line each."""

    def __init__(self):
        self.lines: list[str] = []

    def add(self, where: str, field: str, message: str) -> None:
        self.lines.append(f"{where}: {field}: {message}")

    def extend(self, lines) -> None:
        self.lines.extend(lines)

    # A mark to ask later whether anything was added since (`added_since`).
    def mark(self) -> int:
        return len(self.lines)

    def added_since(self, mark: int) -> bool:
        return len(self.lines) > mark

    def __bool__(self) -> bool:
        return bool(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    # A value checked against its declared type (officesite.schema), each problem added with
    # its field path: below `at` (the value's place in its file), or `whole` for the value
    # itself ("front matter", "file"). Returns the value as the site uses it (see fields.py).
    def check(self, value_type, value, where: str, context, at: str = "", whole: str = "front matter"):
        clean, found = value_type.check(value, context)
        for path, message in found:
            self.add(where, join(at, path) or whole, message)
        return clean

    def raise_if_any(self, error=MetadataError) -> None:
        if self.lines:
            raise error(list(self.lines))
