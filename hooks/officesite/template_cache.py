"""Compiled templates, kept for the process; partials the same on every page, rendered once.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per
language: every template was parsed and compiled once per language (about a tenth of a
build's time), and again on every `mkdocs serve` rebuild. Jinja's bytecode cache keeps the
compiled code; this one keeps it in memory, keyed like Jinja's own (the template's name and
file, and a checksum of its source, so an edited template is compiled again) and by whether
the environment autoescapes it, the one compile-time setting the site's environments differ in.

Some partials print the same markup on every page of a language: the search dialog calls
Material's `lang.t` seven times a page. They are rendered once per language run and per
distinct value of what they read of the page (RENDERED_ONCE), like Material's navigation
(officesite.material, CachedPartial).
"""

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    def __init__(self):
        self._code = {}  # key -> (source checksum, code object)

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        bucket = Bucket(environment, f"{self.get_cache_key(name, filename)}:{bool(autoescape)}", self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


COMPILED_TEMPLATES = CompiledTemplates()


# Let an environment reuse (and add to) the compiled templates of the process.
def share_compiled_templates(env) -> None:
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
