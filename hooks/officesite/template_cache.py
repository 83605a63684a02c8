"""Compiled templates, kept between builds; partials the same on every page, rendered once.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per
language: every template was parsed and compiled once per language (about a tenth of a
build's time), and again on every `mkdocs serve` rebuild. Jinja's bytecode cache keeps the
compiled code; this one keeps it in memory for the process and in `.cache/templates/`
(git-ignored, like the photos' cache) for the next build: a build with a cache compiles none
of the 55 templates a build renders (0.3 s of CPU). It is keyed like Jinja's own (the
template's name and file, and a checksum of its source, so an edited template is compiled
again) and by whether the environment autoescapes it, the one compile-time setting the
site's environments differ in; the folder is named after the Jinja version, whose compiler
made the code.

Some partials print the same markup on every page of a language: the search dialog calls
Material's `lang.t` seven times a page. They are rendered once per language run and per
distinct value of what they read of the page (RENDERED_ONCE), like Material's navigation
(officesite.material, CachedPartial).
"""

import hashlib
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

TEMPLATE_CACHE = Path(".cache") / "templates" / f"jinja-{jinja2.__version__}"  # under the project


class CompiledTemplates(BytecodeCache):
    def __init__(self):
        self._code = {}  # key -> (source checksum, code object)
        self.folder: Path | None = None  # where code is kept between builds, if anywhere

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        bucket = Bucket(environment, f"{self.get_cache_key(name, filename)}:{bool(autoescape)}", self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code
        elif self.folder is not None:
            self._load_file(bucket)
            if bucket.code is not None:
                self._code[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)
        if self.folder is not None:
            self._write_file(bucket)

    def clear(self) -> None:
        self._code.clear()

    # Code from an earlier build: Jinja's own format, which holds the source's checksum (a
    # changed template reads as no code). A damaged file is no code either: the template is
    # compiled again and the file rewritten.
    def _load_file(self, bucket: Bucket) -> None:
        try:
            with open(self._file(bucket), "rb") as file:
                bucket.load_bytecode(file)
        except FileNotFoundError:
            pass
        except Exception:  # a cut or garbled file: marshal and pickle raise several kinds
            bucket.reset()

    # Written whole or not at all (a build stopped midway leaves no half file); a folder that
    # cannot be written (read-only checkout) only costs the next build the compiling.
    def _write_file(self, bucket: Bucket) -> None:
        writing = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=".writing-", delete=False) as file:
                writing = Path(file.name)
                bucket.write_bytecode(file)
            os.replace(writing, self._file(bucket))
        except OSError:
            if writing is not None:
                writing.unlink(missing_ok=True)

    def _file(self, bucket: Bucket) -> Path:
        return self.folder / f"{hashlib.sha256(bucket.key.encode()).hexdigest()}.code"


COMPILED_TEMPLATES = CompiledTemplates()


# Let an environment reuse (and add to) the compiled templates of the process, and of earlier
# builds of the project at `project_dir`.
def share_compiled_templates(env, project_dir: Path) -> None:
    COMPILED_TEMPLATES.folder = Path(project_dir) / TEMPLATE_CACHE
    env.bytecode_cache = COMPILED_TEMPLATES


# --- Partials rendered once per language run ---

# The site's partials whose output is the same on every page of a language run (each run has
# its own environment: the language's interface strings, Material's `lang.t`, the
# configuration) but for the page's values named here: rendered once per run and values.
RENDERED_ONCE = {
    # The search dialog, on every page: its index and script are linked relative to the page.
    "partials/search.html": ("search_base", "search_script"),
    # The display settings toolbar, on every page: its texts only.
    "partials/display-settings.html": (),
}


# Make each partial of `partials` (name -> the page's values it reads) render once per
# environment and values: a page gets the output of the first page with its values.
def render_partials_once(env, partials: dict = RENDERED_ONCE) -> None:
    for name, reads in partials.items():
        template = env.get_template(name)
        template.root_render_func = _rendered_once(template.root_render_func, reads)


def _rendered_once(render, reads: tuple[str, ...]):
    rendered = {}  # the values read -> output

    def root_render_func(context):
        key = tuple(context.get(name) for name in reads)
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    return root_render_func
