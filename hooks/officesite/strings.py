"""Interface strings of the project's templates, in the language being built.

Material's own strings come from its theme languages; these are the project's additions.
Templates read `ui.<key>`, in the page's language. A built language that ui_strings.yml does
not have shows the default language's strings, and the build says so in one line.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from officesite.metadata import MetadataError, kind_of, read_yaml_file, text_problem

UI_STRINGS_FILE = Path(__file__).with_name("ui_strings.yml")


# Add the strings of the language being built to a template context.
def add_ui_strings(context, strings: dict, lang: str):
    context["ui"] = strings[lang]
    return context


# The strings of every built language, and the languages that have none of their own (they
# get the default language's). A PluginError when the default language has none.
def strings_of_languages(strings: dict, languages) -> tuple[dict, list[str]]:
    if languages.default not in strings:
        raise PluginError(f"{UI_STRINGS_FILE.name}: {languages.default}: expected the strings of the default language, got none")
    missing = [lang for lang in languages.others if lang not in strings]
    return {lang: strings.get(lang, strings[languages.default]) for lang in languages.codes}, missing


# The one line a build prints about languages without their own strings.
def missing_strings_line(missing, languages) -> str:
    return f"{UI_STRINGS_FILE.name}: no strings for {', '.join(missing)}: shown with the {languages.default} strings"


# Read the strings file (as every metadata file is read) and check that every language has the same keys.
def load_ui_strings(path: Path) -> dict:
    try:
        strings = read_yaml_file(path, path.name)
    except MetadataError as error:
        raise PluginError(str(error)) from None
    problems = ui_strings_problems(strings)
    if problems:
        raise PluginError("\n".join(f"{path.name}: {problem}" for problem in problems))
    return strings


# List what is wrong with a {language: {key: text}} mapping (empty when it is right).
def ui_strings_problems(strings) -> list[str]:
    if not isinstance(strings, dict) or not strings:
        return ["expected a mapping of language to strings"]
    all_keys = set().union(*(texts.keys() for texts in strings.values() if isinstance(texts, dict)))
    problems = []
    for lang, texts in strings.items():
        if not isinstance(texts, dict):
            problems.append(f"{lang}: expected a mapping of key to text, got {kind_of(texts)}")
            continue
        problems += [f"{lang}.{key}: missing" for key in sorted(all_keys - texts.keys())]
        problems += [f"{lang}.{key}: {text_problem(text)}" for key, text in texts.items() if text_problem(text)]
    return problems
