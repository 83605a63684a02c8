"""No language code is written in the code: every language question goes to the language model.

static-i18n's configuration in mkdocs.yml names the languages; officesite.languages answers
from it. Code that writes "th" or "en" itself (a default taken for granted, a folder "en/",
a file "x.en.md") breaks the day a language is added. Content (docs/) and configuration
(mkdocs.yml, ui_strings.yml) name languages by nature; here are checked the Python files of
hooks/, scripts/ and tests/ (string literals, docstrings and comments aside), the Jinja
expressions of overrides/ and the string literals of the site's scripts (docs/assets/javascripts/).
"""

import ast
import re

from conftest import ROOT

CODES = ("th", "en")  # the project's languages as literals, which this test looks for
CHECKED = ("hooks", "scripts", "tests")
SCRIPTS = "docs/assets/javascripts"
# A string that is a language code, a path with a language folder ("en/about/", "/th/"), a
# locale ("th_TH") or a file of a language ("about.en.md").
PYTHON_LITERAL = re.compile(rf"(?:^|/)(?:{'|'.join(CODES)})(?:/|$|[_-][A-Z]{{2}}$)|\.(?:{'|'.join(CODES)})\.md\b")
JINJA_EXPRESSION = re.compile(r"\{[{%].*?[%}]\}", re.DOTALL)
JINJA_LITERAL = re.compile(rf"(?<![\w-])(?:{'|'.join(CODES)})(?![\w-])")
# A JavaScript comment or string literal (template literals included); comments are skipped.
JS_TOKEN = re.compile(r"//[^\n]*|/\*.*?\*/|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`", re.S)

# The few literals that are data about one language, not a choice among the site's languages:
# (file, literal) -> why.
ALLOWED = {
    ("hooks/officesite/languages.py", "th"): "YEAR_OFFSETS: Thai readers count years in the Buddhist Era",
    ("tests/test_language_literals.py", "th"): "CODES: what this test looks for",
    ("tests/test_language_literals.py", "en"): "CODES: what this test looks for",
    ("tests/test_dates.py", "th"): "Thai dates in the Buddhist Era with Thai month names",
    ("tests/test_dates.py", "en"): "English dates with English month names",
    ("scripts/sample_news.py", "th"): "sample sentences written in Thai",
    ("scripts/sample_news.py", "en"): "sample sentences written in English",
    ("scripts/page_weight.py", "th"): "a Thai word to search for",
    ("scripts/page_weight.py", "en"): "an English word to search for",
    ("scripts/search_scale.py", "th"): "Thai queries to measure",
    ("scripts/search_scale.py", "en"): "English queries to measure",
}


# The string literals of a Python file that are not docstrings, with their line numbers.
def string_literals(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


# Every language literal in the checked files: (file, line, literal, the code it names).
def language_literals() -> list[tuple[str, int, str, str]]:
    sources = [(path, string_literals) for folder in CHECKED for path in sorted((ROOT / folder).rglob("*.py"))]
    sources += [(path, js_literals) for path in sorted((ROOT / SCRIPTS).rglob("*.js"))]
    found = []
    for path, literals in sources:
        name = path.relative_to(ROOT).as_posix()
        for line, value in literals(path.read_text(encoding="utf-8")):
            match = PYTHON_LITERAL.search(value)
            if match:
                found.append((name, line, value, next(code for code in CODES if code in match.group())))
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        name = path.relative_to(ROOT).as_posix()
        found += [(name, line, expression, code) for line, expression, code in jinja_literals(path.read_text(encoding="utf-8"))]
    return found


# The string literals of a script, without their quotes, with their line numbers.
def js_literals(text: str) -> list[tuple[int, str]]:
    return [
        (text.count("\n", 0, token.start()) + 1, token.group()[1:-1])
        for token in JS_TOKEN.finditer(text)
        if not token.group().startswith("/")
    ]


# The language codes a template's Jinja expressions name: (line, expression, code).
def jinja_literals(text: str) -> list[tuple[int, str, str]]:
    return [
        (text.count("\n", 0, expression.start()) + 1, expression.group(), match.group())
        for expression in JINJA_EXPRESSION.finditer(text)
        for match in JINJA_LITERAL.finditer(expression.group())
    ]


def test_no_language_code_is_written_outside_the_language_model():
    offenders = [f"{name}:{line}: {value!r}" for name, line, value, code in language_literals() if (name, code) not in ALLOWED]
    assert offenders == []


def test_every_allowed_literal_is_still_there():
    used = {(name, code) for name, _, _, code in language_literals()}
    assert sorted(set(ALLOWED) - used) == []


def test_the_check_finds_what_it_looks_for():
    source = '"""Docstring: about.en.md"""\nimport x\nlang = "th"\npath = "en/about/"\nfile = f"{stem}.en.md"\nlocale = "th_TH"\n'
    assert [value for _, value in string_literals(source) if PYTHON_LITERAL.search(value)] == ["th", "en/about/", ".en.md", "th_TH"]
    assert [value for _, value in string_literals('x = "the", "/tmp/then", "<th>", "english"\n') if PYTHON_LITERAL.search(value)] == []
    script = 'x = lang === "th" ? "th-TH" : `en`; // "en" in a comment\n/* \'th\' */ y = "other"'
    assert [value for _, value in js_literals(script) if PYTHON_LITERAL.search(value)] == ["th", "th-TH", "en"]
    template = "{{ ui_by_lang.th.title }}\n<th scope=col>{{ then }}</th>\n{% if lang == 'en' %}"
    assert [(line, code) for line, _, code in jinja_literals(template)] == [(1, "th"), (3, "en")]
