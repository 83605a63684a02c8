"""Office facts from docs/office.yml, which the office fills in (by hand or in the web editor).

Nothing about the office is invented: a fact left empty is simply not rendered. The facts are
declared in officesite/schema.py (OFFICE) and read here, once per build (officesite.build),
through the metadata toolkit: every other part of the site takes them from the build. Here
too is how the contact page shows them.

The file ships with the site, its facts empty: a missing or empty file is a mistake (a bad
merge, a rename), not "no facts", and stops the build. Read as "no facts", it would take the
office's address, its parent organisation and its security.txt off the live site without a
word; a stopped build keeps the last good site online and says which file to restore.
"""

from pathlib import Path, PurePosixPath
from urllib.parse import quote

from officesite.metadata.cache import yaml_file
from officesite.metadata.fields import Context
from officesite.metadata.problems import MetadataError, Problems
from officesite.metadata.reading import read_text
from officesite.metadata.shown import shown_path, shown_value
from officesite.schema import OFFICE

OFFICE_FILE = "office.yml"  # under docs/, kept out of the site by mkdocs.yml's exclude_docs
EMBLEM_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg", ".avif")
# The link a fact makes on the contact page.
LINK_SCHEMES = {"phone": "tel", "email": "mailto", "accessibility_email": "mailto"}
# Facts other parts of the site publish, not the contact page: security.txt
# (officesite/security/security_txt.py) and the frame of every page (officesite.chrome).
NOT_SHOWN = {"security_contact", "short_name", "parent", "parent_url", "emblem"}


# The facts of the site under `docs_dir`, checked: {fact: text, or {language: text}}.
def site_office(docs_dir: Path, languages, display_root: Path | None = None) -> dict:
    path = Path(docs_dir) / OFFICE_FILE
    return load_office(path, languages, Path(docs_dir), shown_path(path, display_root))


# The facts of an office file, checked; MetadataError with one line per problem.
def load_office(path: Path, languages, docs_dir: Path, where: str) -> dict:
    if not Path(path).exists():
        raise MetadataError([f"{where}: file: expected the office facts (the file ships with the site, its facts empty until the office sets them), found none: restore it"])
    read = yaml_file(Path(path), where)
    if read.problems:
        raise MetadataError(list(read.problems))
    problems = Problems()
    office = problems.check(OFFICE.root, read.data, where, Context(languages, docs_dir), whole="file")
    emblem = office.get("emblem") if isinstance(office, dict) else None
    problem = _emblem_problem(emblem, docs_dir) if isinstance(emblem, str) and emblem else None
    if problem:
        problems.add(where, "emblem", f"{problem}, got {shown_value(emblem)}")
    problems.raise_if_any()
    return office


def _emblem_problem(emblem: str, docs_dir: Path) -> str | None:
    path = PurePosixPath(emblem)
    if path.is_absolute() or ".." in path.parts or ":" in emblem:
        return "expected a file under docs/"
    if path.suffix.lower() not in EMBLEM_TYPES:
        return f"expected an image ({', '.join(EMBLEM_TYPES)})"
    if not (docs_dir / path).is_file():
        return "expected a file under docs/, found none"
    return None


# What the file says above each fact, as written ({fact: "line\nline"}, without the "# "): the
# web editor writes them back when it saves the file (officesite.cms.config). The lines above
# the first fact are the file's own introduction; a fact with no comment is left out.
def file_comments(path: Path, where: str) -> dict[str, str]:
    comments, block = {}, []
    for line in read_text(path, where).splitlines():
        if line.startswith("#"):
            block.append(line[1:].removeprefix(" "))
            continue
        key = line.split(":", 1)[0]
        if block and line[:1].strip() and key.isidentifier():
            comments[key] = "\n".join(block)
        block = []
    return comments


# Where mkdocs.yml held the facts before docs/office.yml: a block left there is refused, not
# read, so that no fact is set in two places. ("expected …, got …", or None without one.)
MISPLACED_AT = "extra.office"


def misplaced_office_problem(extra: dict) -> str | None:
    if "office" not in extra:
        return None
    return f"expected nothing (the office facts live in docs/{OFFICE_FILE} now: move them there), got {shown_value(extra['office'])}"


# The contact page's template variables (officesite.page_types).
def contact_context(build, page, lang, config) -> dict:
    return {"office_facts": office_facts(build.office, lang)}


# One text of a fact, in a language ("" when unset).
def text_in(value, lang) -> str:
    if isinstance(value, dict):
        value = value.get(lang)
    return value.strip() if isinstance(value, str) else ""


# The facts that are set, in the given language, ready to render: key, text and link.
def office_facts(office, lang) -> list[dict]:
    facts = []
    for fact in OFFICE.fields:
        if fact.name in NOT_SHOWN:
            continue
        value = office.get(fact.name)
        text = text_in(value, lang)
        if text:
            scheme = LINK_SCHEMES.get(fact.name)
            href = f"{scheme}:{quote(text.replace(' ', ''), safe='@+')}" if scheme else None
            facts.append({"key": fact.name, "text": text, "href": href})
    return facts
