"""Interface strings of the project's templates, in the language being built.

Material's own strings come from its theme languages; these are the project's additions, in
ui_strings.yml (declared in officesite/schema.py: UI_STRINGS). Templates read `ui.<key>`, in
the page's language. A built language that ui_strings.yml does not have shows the default
language's strings, and the build says so in one line.
"""

from pathlib import Path

from officesite.metadata.cache import yaml_file
from officesite.metadata.fields import INVALID, Context
from officesite.metadata.problems import MetadataError, Problems
from officesite.schema import UI_STRINGS

UI_STRINGS_FILE = Path(__file__).with_name("ui_strings.yml")


class StringsError(MetadataError):
    """The interface strings are invalid; `problems` holds one line per problem."""


# Add the strings of the language being built to a template context.
def add_ui_strings(context, strings: dict, lang: str):
    context["ui"] = strings[lang]
    return context


# The strings of every built language, and the languages that have none of their own (they
# get the default language's). StringsError when the default language has none.
def strings_of_languages(strings: dict, languages) -> tuple[dict, list[str]]:
    if languages.default not in strings:
        raise StringsError([f"{UI_STRINGS_FILE.name}: {languages.default}: expected the strings of the default language, got none"])
    missing = [lang for lang in languages.others if lang not in strings]
    return {lang: strings.get(lang, strings[languages.default]) for lang in languages.codes}, missing


# The one line a build prints about languages without their own strings.
def missing_strings_line(missing, languages) -> str:
    return f"{UI_STRINGS_FILE.name}: no strings for {', '.join(missing)}: shown with the {languages.default} strings"


# The strings file, read as every metadata file is (and not again while it is unchanged):
# StringsError listing every problem.
def load_ui_strings(path: Path, languages) -> dict:
    read = yaml_file(path, path.name)
    if read.problems:
        raise StringsError(list(read.problems))
    problems = Problems()
    check_ui_strings(read.data, path.name, languages, problems)
    problems.raise_if_any(StringsError)
    return read.data


# Check a {language: {key: text}} mapping: the schema's UI_STRINGS, and the same keys in
# every language it has.
def check_ui_strings(strings, where: str, languages, problems: Problems) -> None:
    checked = problems.check(UI_STRINGS.root, strings, where, Context(languages), whole="file")
    if checked is INVALID:
        return
    texts_of = {lang: texts for lang, texts in checked.items() if isinstance(texts, dict)}
    first_with: dict = {}  # key -> the first language that has it
    for lang, texts in texts_of.items():
        for key in texts:
            first_with.setdefault(key, lang)
    for lang, texts in texts_of.items():
        for key in sorted(first_with.keys() - texts.keys()):
            problems.add(where, f"{lang}.{key}", f"expected text, as in {first_with[key]}.{key}, got nothing")
