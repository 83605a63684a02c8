"""Every file under docs/, checked when a build starts, before MkDocs reads any of them.

- Every Markdown file is read as every metadata file is (officesite.metadata): a file saved in
  Windows-874, a front matter with an alias bomb or over the size limit, a key given twice
  stop the build with one line, rather than a traceback from MkDocs or from a snippet.
- The front matter of each ordinary page (not a news post or a criteria category page, which
  their readers check) is checked against the schema's PAGE; its page type is written once,
  in the default language's file, and holds for every language (officesite.page_types).
- Files MkDocs copies as they are bring no script (officesite.security.static_files).
"""

import os
from dataclasses import dataclass
from pathlib import Path

from officesite.criteria.pages import is_category_page
from officesite.metadata.cache import front_matter
from officesite.metadata.fields import INVALID, Context
from officesite.metadata.problems import MetadataError, Problems
from officesite.metadata.shown import shown_path
from officesite.news.posts import LISTING_PAGE_NAMES, NEWS_FOLDER
from officesite.page_types import DECLARED_TYPES, declared_page_types
from officesite.schema import PAGE, PAGE_TYPE_CHOICE
from officesite.security.static_files import static_file_problem


@dataclass(frozen=True)
class SitePages:
    types: dict  # page (its path under docs/ without language and .md) -> declared page type


class PagesError(MetadataError):
    """Files under docs/ are invalid; `problems` holds one line per problem."""


# Check every file under docs/ (`excluded(path under docs/)`: files MkDocs does not publish,
# which are only read); PagesError listing every problem.
def site_pages(docs_dir: Path, languages, display_root: Path, excluded=lambda relative: False) -> SitePages:
    docs_dir, problems = Path(docs_dir), Problems()
    context = Context(languages, docs_dir, {PAGE_TYPE_CHOICE: DECLARED_TYPES})
    metas: dict = {}  # page -> {language: (where, checked front matter)}
    for relative in _files(docs_dir):
        if relative.endswith(".md") and _read_elsewhere(relative, languages):
            continue  # a news post or criteria page: read by its own reader
        path = docs_dir / relative
        where = shown_path(path, display_root)
        if relative.endswith(".md"):
            read = front_matter(path, where)
            problems.extend(read.problems)
            if read.problems or excluded(relative):
                continue
            lang, page = languages.of_src(relative) or (languages.default, relative.removesuffix(".md"))
            meta = problems.check(PAGE.root, read.data, where, context)
            if meta is not INVALID:
                metas.setdefault(page, {})[lang] = (where, meta)
        else:
            problem = static_file_problem(path.name, path.read_bytes)
            if problem:
                problems.add(where, "file", problem)
    types = declared_page_types(metas, languages, problems)
    problems.raise_if_any(PagesError)
    return SitePages(types)


# Whether a Markdown file is read and checked by its own reader: a news post (any file under
# news/ but its listing pages) or a criteria category page.
def _read_elsewhere(relative: str, languages) -> bool:
    folder, _, name = relative.partition("/")
    if folder == NEWS_FOLDER and (languages.of_file(name) or (None, None))[1] not in LISTING_PAGE_NAMES:
        return True
    return is_category_page(languages, relative)


# Every file under a folder, in order, by its path under it ("news/2018/x.md"), leaving out
# what MkDocs leaves out (names starting with "."). Strings, not Paths: thousands of posts.
def _files(folder: Path):
    for base, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        under = Path(base).relative_to(folder).as_posix()
        prefix = "" if under == "." else under + "/"
        for name in sorted(files):
            if not name.startswith("."):
                yield prefix + name

