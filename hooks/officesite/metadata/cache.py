"""The one cache of what was read from metadata files, keyed by file signatures.

`mkdocs serve` rebuilds in one process after every save: a file whose signature (size,
modification time, inode) is unchanged is not read again, and a result made from files (the
validated criteria, the news) is reused while the signatures of all of them and the other
inputs are unchanged. A one-off `mkdocs build` reads each file once: the checks of every page
and the news and criteria readers share what was read.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from officesite.metadata.problems import MetadataError
from officesite.metadata.reading import read_front_matter, read_yaml_file


@dataclass(frozen=True)
class Read:
    """What reading a file gave: its data, or the lines saying why it could not be read."""

    data: object = None
    problems: tuple[str, ...] = ()


# What changes when a file is written, replaced or removed; None for no file.
def file_signature(path) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino, os.path.isdir(path))


class FileCache:
    def __init__(self):
        self._files: dict = {}  # (path, what, where) -> (signature, Read)
        self._results: dict = {}  # name -> (inputs, result): the latest only

    # A file read with `reader(path, where)` (which raises MetadataError), or what it gave last
    # time while the file is unchanged.
    def read(self, path: Path, where: str, reader) -> Read:
        key, signature = (str(path), reader.__name__, where), file_signature(path)
        cached = self._files.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
        try:
            read = Read(reader(path, where))
        except MetadataError as error:
            read = Read(problems=tuple(error.problems))
        self._files[key] = (signature, read)
        return read

    # The result of `compute()`, reused while `inputs` (file signatures, languages, the date…)
    # are the same as when it was made.
    def result(self, name: str, inputs: tuple, compute):
        cached = self._results.get(name)
        if cached is not None and cached[0] == inputs:
            return cached[1]
        result = compute()
        self._results[name] = (inputs, result)
        return result


FILES = FileCache()


# A Markdown file's front matter ({} without one), through the cache.
def front_matter(path: Path, where: str) -> Read:
    return FILES.read(path, where, read_front_matter)


# A YAML file's data, through the cache.
def yaml_file(path: Path, where: str) -> Read:
    return FILES.read(path, where, read_yaml_file)
