"""Compiled templates, kept for the process.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per
language: every template was parsed and compiled once per language (about a tenth of a
build's time), and again on every `mkdocs serve` rebuild. Jinja's bytecode cache keeps the
compiled code; this one keeps it in memory, keyed like Jinja's own (the template's name and
file, and a checksum of its source, so an edited template is compiled again) and by whether
the environment autoescapes it, the one compile-time setting the site's environments differ in.
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
