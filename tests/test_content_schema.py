"""The content schema (officesite/schema.py): every kind declared once, every check derived from
the declarations, every field labelled in every language, and every text field of every kind
refusing the characters that break the feeds, in the one message form."""

import re

import pytest
from officesite.metadata.cache import yaml_file
from officesite.metadata.fields import (
    BOTH_OR_NEITHER,
    SHARED,
    Boolean,
    Choice,
    Context,
    Date,
    Field,
    ImagePath,
    Mapping,
    Number,
    Object,
    ObjectList,
    PerLanguage,
    Slug,
    Text,
    TextList,
    default_only_fields,
    disagreements,
    join,
    shared_values,
)
from officesite.metadata.problems import Problems
from officesite.schema import KINDS, LABELS_FILE, NEWS_POST, label_keys
from officesite.strings import UI_STRINGS_FILE, load_ui_strings
from site_files import LANGUAGES

MESSAGE_FORM = re.compile(r"[^:\n]+: [^:\n]+: expected .+, got .+")
IMAGE = "assets/images/x.png"
CHOICES = {"news categories": ("pmqa",), "page types": ("contact",)}


# A valid value of a type: what the sample of a kind is made of.
def sample(value_type):
    if isinstance(value_type, Text) and value_type.rule:
        return "security@example.org"  # the one rule: an address security.txt can publish
    if isinstance(value_type, Text) and value_type.pattern:  # an id, a level, an address
        return next(text for text in ("1.1", "basic", "office@example.org", "https://example.org/") if re.fullmatch(value_type.pattern, text))
    if isinstance(value_type, Text):
        return "ข่าว"
    if isinstance(value_type, Slug):
        return "pmqa-workshop"
    if isinstance(value_type, Date):
        return "2019-01-01"
    if isinstance(value_type, Choice):
        return (CHOICES[value_type.options] if isinstance(value_type.options, str) else value_type.options)[0]
    if isinstance(value_type, TextList):
        return ["PMQA 4.0"]
    if isinstance(value_type, ImagePath):
        return IMAGE
    if isinstance(value_type, Boolean):
        return False
    if isinstance(value_type, Number):
        return max(value_type.low, 1)
    if isinstance(value_type, Object):
        return {f.name: sample(f.type) for f in value_type.fields}
    if isinstance(value_type, ObjectList):
        return [sample(value_type.item)]
    if isinstance(value_type, PerLanguage):
        return {lang: sample(value_type.item) for lang in LANGUAGES.codes}
    if isinstance(value_type, Mapping):
        return {"activities": sample(value_type.value)}
    raise AssertionError(f"no sample for {value_type!r}")


# The paths of every text in a sample value, with a function that puts another text there.
def text_slots(value_type, value, path=""):
    if isinstance(value_type, (Text, ImagePath)):
        return [path]
    if isinstance(value_type, TextList):
        return [join(path, "[0]")]
    if isinstance(value_type, Object):
        return [slot for f in value_type.fields for slot in text_slots(f.type, value[f.name], join(path, f.name))]
    if isinstance(value_type, ObjectList):
        return text_slots(value_type.item, value[0], join(path, "[0]"))
    if isinstance(value_type, PerLanguage):
        return [slot for lang in LANGUAGES.codes for slot in text_slots(value_type.item, value[lang], join(path, lang))]
    if isinstance(value_type, Mapping):
        return text_slots(value_type.value, value["activities"], join(path, "activities"))
    return []


def put(value, path, text):
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    for part in parts[:-1]:
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    last = parts[-1]
    value[int(last[1:-1]) if last.startswith("[") else last] = text


def check(kind, value, docs):
    problems = Problems()
    problems.check(kind.root, value, "file.md", Context(LANGUAGES, docs, CHOICES))
    return problems.lines


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / IMAGE).parent.mkdir(parents=True)
    (folder / IMAGE).write_bytes(b"")
    return folder


SLOTS = [(kind, slot) for kind in KINDS for slot in text_slots(kind.root, sample(kind.root))]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_a_sample_of_every_kind_is_valid(kind, docs):
    assert check(kind, sample(kind.root), docs) == []


@pytest.mark.parametrize("kind, slot", SLOTS, ids=[f"{kind.name}:{slot}" for kind, slot in SLOTS])
def test_every_text_of_every_kind_refuses_a_control_character_in_one_line(kind, slot, docs):
    value = sample(kind.root)
    put(value, slot, "a\x01b")
    assert check(kind, value, docs) == [f"file.md: {slot}: expected text without control characters, got U+0001 (\\x01) at character 2"]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_message_has_the_one_form(kind, docs):
    wrong = {"a list": [1], "a number": 5, "nothing": None}
    lines = [line for value in wrong.values() for line in check(kind, value, docs)]
    value = sample(kind.root)
    for slot in text_slots(kind.root, value):
        put(value, slot, 7)
    lines += check(kind, value, docs)
    assert lines and [line for line in lines if not MESSAGE_FORM.fullmatch(line)] == []


def test_every_field_has_a_label_in_every_language_and_nothing_else():
    labels = yaml_file(LABELS_FILE, LABELS_FILE.name).data
    expected = sorted(key for kind in KINDS for key in label_keys(kind))
    assert sorted(labels) == sorted(load_ui_strings(UI_STRINGS_FILE, LANGUAGES))
    for lang, entries in labels.items():
        assert sorted(entries) == expected, lang
        assert all(isinstance(entry.get("label"), str) and entry["label"].strip() for entry in entries.values()), lang


def test_every_field_says_what_an_editor_edits_it_with():
    def types(value_type):
        inner = getattr(value_type, "fields", None) or ()
        found = [value_type]
        found += [t for f in inner for t in types(f.type)]
        for attribute in ("item", "value"):
            if hasattr(value_type, attribute) and not isinstance(getattr(value_type, attribute), (str, type(None))):
                found += types(getattr(value_type, attribute))
        return found

    assert all(isinstance(t.widget, str) for kind in KINDS for t in types(kind.root))


def test_a_posts_photos_are_files_of_its_photo_folder_written_in_the_default_language_only(tmp_path):
    (tmp_path / "river.jpg").write_bytes(b"")
    context = Context(LANGUAGES, tmp_path, file_dir=tmp_path, file_dir_shown="docs/news/2026/x/")
    described = {lang: "ริมแม่น้ำ" for lang in LANGUAGES.codes}
    gallery = NEWS_POST.field("gallery").type
    assert gallery.check([{"src": "river.jpg", "alt": described}, {"src": "river.jpg", "decorative": True}], context)[1] == []
    assert gallery.check([{"src": "lake.jpg", "decorative": True}, {"src": "river.jpg"}], context)[1] == [
        ("[0].src", 'expected the path of a file in docs/news/2026/x/, e.g. river.jpg, got "lake.jpg", which does not exist'),
        ("[1].alt", "expected a description of the photo in every language, or decorative: true, got neither"),
    ]
    assert default_only_fields(NEWS_POST.fields) == ["cover", "gallery"]


# -----------------------------------------------------------------------------
# What later work declares: one declaration each, checked and compared like the rest
# -----------------------------------------------------------------------------


# Criteria items with guidance written in every language or in none.
GUIDED = Object((Field("items", ObjectList(Object((Field("id", Text(), translation=SHARED), Field("guidance", Text(long=True), translation=BOTH_OR_NEITHER))), expected="items")),))


def test_guidance_in_every_language_or_none_is_one_declaration():
    context = Context(LANGUAGES)
    thai, _ = GUIDED.check({"items": [{"id": "1.1", "guidance": "แนวทาง"}, {"id": "1.2"}]}, context)
    english, _ = GUIDED.check({"items": [{"id": "1.1"}, {"id": "1.2", "guidance": "Guidance"}]}, context)
    assert disagreements(shared_values(GUIDED.fields, thai), "c.md", shared_values(GUIDED.fields, english), "c.translated.md") == [
        "c.translated.md: items[0].guidance: expected a value as in c.md, got none",
        "c.translated.md: items[1].guidance: expected none as in c.md, got a value",
    ]
