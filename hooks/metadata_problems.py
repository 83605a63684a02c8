"""What the metadata validators (criteria, news) share: how a problem is collected and named.

Every problem is one line `file: field: expected …, got …`; a validator collects them all
and raises MetadataError once, so an author sees every problem of a build together.
"""

import os
from pathlib import Path


class MetadataError(Exception):
    """Invalid metadata; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# A path as an author knows it: relative to the project when it lies inside it.
def shown_path(path, display_root=None) -> str:
    if display_root is not None:
        relative = os.path.relpath(path, display_root)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return Path(path).as_posix()


def is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


# The type of a value as a message names it.
def kind_of(value) -> str:
    return "nothing" if value is None else type(value).__name__
