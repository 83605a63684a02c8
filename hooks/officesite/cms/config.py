"""Decap CMS's configuration (admin/config.yml), generated from the content schema.

One source of truth: the news collection's fields are officesite/schema.py's NEWS_POST (the
criteria collection's CRITERIA_CATEGORY, the office facts' OFFICE), with
their labels, hints and pattern messages from schema_labels.yml in the default language (the
editor's interface language), how each field relates to the other languages' files (Decap's
`i18n`) from its translation, and each type's widget and pattern from the type
(officesite.metadata.fields). A field declared in the schema appears in the editor on the
next build, or is listed in OMITTED with the reason. `decap_config` is a plain function: the
build (hooks/cms_admin.py) and scripts/cms_config.py call it.
"""

import copy
import re

import yaml
from officesite.criteria.site import CRITERIA_FOLDER
from officesite.metadata.fields import (
    BOTH_OR_NEITHER,
    DEFAULT_ONLY,
    SHARED,
    Boolean,
    Choice,
    Date,
    ImagePath,
    Mapping,
    Number,
    Object,
    ObjectList,
    PerLanguage,
    Slug,
    Text,
    TextList,
)
from officesite.news.posts import NEWS_FOLDER
from officesite.office import OFFICE_FILE
from officesite.schema import CRITERIA_CATEGORY, LEVEL_IDS_CHOICE, NEWS_CATEGORIES_CHOICE, NEWS_POST, OFFICE, PHOTO

# Where decap-server (the local backend: scripts/cms.sh, the tests) answers. Only a local
# trial's configuration and CSP name it (officesite.cms.admin).
LOCAL_BACKEND_ORIGIN = "http://127.0.0.1:8081"
LOCAL_BACKEND = {"url": f"{LOCAL_BACKEND_ORIGIN}/api/v1", "allowed_hosts": ["127.0.0.1"]}
# Fields of the schema the editor does not offer, by label key, with the reason.
OMITTED = {}
# Fields the editor asks for although the schema does not: the slug names the files (a
# post written by hand takes it from its file name).
REQUIRED_IN_EDITOR = {"news-post.slug"}
# Rules over several values, which Decap's `required` and `pattern` (one field at a time)
# cannot say: checked by widgets of cms.js, with the messages given here. A photo (PHOTO,
# photo_alt_rule): a description in every language or `decorative`; a list whose items hold
# BOTH_OR_NEITHER fields: each given in every language's file or in none.
PHOTO_WIDGET, PHOTOS_WIDGET, TRANSLATED_LIST_WIDGET = "photo", "photos", "translated_list"
# Numbers and ids the criteria's structure rests on (both languages agree on them, the
# calculator and assessment files use them): kept as they are, not shown (Decap's hidden
# widget); the maintainers change them in the files.
READ_ONLY = {"criteria-category.pmqa.category", "criteria-category.pmqa.items.id"}
# Lists whose items are fixed in the editor: an item added or removed must be so in every
# language and in the assessment files alike.
FIXED_LISTS = {"criteria-category.pmqa.items"}
# Something that is not only spaces: a required text's pattern (Decap takes "  " as given).
NOT_BLANK = r"\S"


# The whole configuration, as a mapping: `backend` is the production backend
# (extra.cms.backend in mkdocs.yml); `local` adds the local backend and publishes at once
# (decap-server's file mode has no editorial workflow), unless `workflow`: decap-server's git
# mode keeps each draft on a branch of its own, as the production backends do;
# `office_comments`: what the office file says above each fact (officesite.office.file_comments).
def decap_config(languages, labels: dict, strings: dict, categories: dict, backend: dict, local: bool = False, news=NEWS_POST, levels=(), office_comments=None, workflow: bool = False) -> dict:
    default = languages.default
    config = {
        "locale": default,
        "backend": dict(backend),
        "media_folder": "docs/assets/images",  # required at the top; posts keep their photos beside them
        "public_folder": "/assets/images",
        "i18n": {"structure": "multiple_files", "locales": list(languages.codes), "default_locale": default},
        "collections": [news_collection(languages, labels, strings, categories, news)]
        + ([criteria_collection(languages, labels, strings, levels)] if levels else [])
        + [office_collection(languages, labels, office_comments or {})],
    }
    if local:
        config["local_backend"] = dict(LOCAL_BACKEND)
    if workflow or not local:
        config["publish_mode"] = "editorial_workflow"  # draft → in review → ready: a supervisor publishes
    return config


def config_yaml(config: dict) -> str:
    header = "# Generated from hooks/officesite/schema.py by officesite/cms/config.py at build time: do not edit.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


# The news posts: docs/news/<year>/<slug>.<code>.md, the photos in the post's photo folder.
def news_collection(languages, labels: dict, strings: dict, categories: dict, kind=NEWS_POST) -> dict:
    text = _texts(labels, languages.default)
    choices = {NEWS_CATEGORIES_CHOICE: [{"label": names.get(languages.default) or category, "value": category} for category, names in categories.items()]}
    fields = [_field(kind.name, f, f.name, text, languages, choices, top=True) for f in kind.fields]
    return {
        "name": "news",
        "label": text(kind.name)["label"],
        "label_singular": text(kind.name)["label"],
        "folder": f"docs/{NEWS_FOLDER}",
        # The year folder: the date's first four characters. Not {{year}}: Decap reads the
        # date as local midnight and takes its UTC year, the year before for 1 January east
        # of Greenwich (decap-cms-lib-widgets stringTemplate.ts: dayjs(value), getUTCFullYear).
        # Decap lower-cases a path and drops its quotes and dots (prepareSlug), so neither
        # fields.date nor date('YYYY') can be written here: truncate's omission "-" is the
        # slug's separator, which Decap strips from the end of a path segment (sanitizeSlug).
        "path": '{{date | truncate(4, "-")}}/{{slug}}',
        "slug": "{{fields.slug}}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "i18n": True,
        # The listing pages (index, archive) beside the year folders have no date.
        "filter": {"field": "date", "pattern": "."},
        # Photos beside the post, in its photo folder, named in the front matter by file name.
        "media_folder": "{{fields.slug}}",
        "public_folder": "",
        "summary": "{{fields.date}} · {{title}}",
        "sortable_fields": ["date", "title"],
        "fields": [f for f in fields if f] + [{"name": "body", "label": strings[languages.default]["cms_body"], "widget": "markdown", "i18n": True}],
    }


# The PMQA criteria category pages, docs/pmqa/category-N.<code>.md: their titles, descriptions
# and guidance side by side in every language; `levels` (officesite.criteria Level: id, name)
# name the guidance's keys. The pages are not created or deleted here; their text after the
# front matter (with the pmqa markers) is plain text, never rewritten by a rich-text editor.
def criteria_collection(languages, labels: dict, strings: dict, levels, kind=CRITERIA_CATEGORY) -> dict:
    text = _texts(labels, languages.default)
    choices = {LEVEL_IDS_CHOICE: [{"label": level.name.get(languages.default) or level.id, "value": level.id} for level in levels]}
    fields = [_field(kind.name, f, f.name, text, languages, choices, top=True) for f in kind.fields]
    return {
        "name": "pmqa",
        "label": text(kind.name)["label"],
        "folder": f"docs/{CRITERIA_FOLDER}",
        "create": False,
        "delete": False,
        "extension": "md",
        "format": "frontmatter",
        "i18n": True,
        "filter": {"field": "pmqa.category", "pattern": "."},  # not the overview or the calculator
        "identifier_field": "pmqa.title",
        "summary": "{{fields.pmqa.category}} · {{fields.pmqa.title}}",
        "fields": [f for f in fields if f] + [{"name": "body", "label": strings[languages.default]["cms_page_text"], "widget": "text", "i18n": True}],
    }


# The office facts, docs/office.yml: one file, each fact a field, a fact that differs by
# language with its texts in every language one below the other. The file keeps what it says
# above each fact (Decap's `comment`).
def office_collection(languages, labels: dict, comments: dict, kind=OFFICE) -> dict:
    text = _texts(labels, languages.default)
    fields = [_field(kind.name, f, f.name, text, languages, {}) for f in kind.fields]
    for f in fields:
        if comments.get(f["name"]):
            f["comment"] = comments[f["name"]].replace("\n", "\\n")  # Decap's line break in a comment
    return {
        "name": "office",
        "label": text(kind.name)["label"],
        "description": text(kind.name).get("hint", ""),
        "delete": False,
        "editor": {"preview": False},  # facts, not a page: nothing to preview
        "files": [{"name": "office", "label": text(kind.name)["label"], "file": f"docs/{OFFICE_FILE}", "format": "yml", "fields": fields}],
        # Decap 3.16.3 looks a field's `comment` up in the collection's own fields only, which a
        # files collection does not have (selectFieldsComments): without them here too, saving
        # the file drops its comments.
        "fields": copy.deepcopy(fields),  # written out again, not as a YAML alias
    }


def _texts(labels: dict, lang: str):
    own = labels.get(lang) or {}

    def text(key: str) -> dict:
        entry = own.get(key)
        if not isinstance(entry, dict) or not entry.get("label"):
            raise KeyError(f"schema_labels.yml: {lang}: {key}: expected a label, got none")
        return entry

    return text


# One field of the schema as a Decap field; None when it is OMITTED. `optional_object`: inside
# an object that may be left out, where Decap would refuse to save an empty required field.
def _field(kind_name, field, path, text, languages, choices, top=False, optional_object=False, in_translated=False) -> dict | None:
    key = f"{kind_name}.{path}"
    if key in OMITTED:
        return None
    entry = text(key)
    required = (field.required or key in REQUIRED_IN_EDITOR) and not optional_object
    decap = {"name": field.name, "label": entry["label"]}
    if entry.get("hint"):
        decap["hint"] = entry["hint"]
    translated = (top or in_translated) and field.translation not in (SHARED, DEFAULT_ONLY)
    if key in READ_ONLY:
        decap = {"name": field.name, "label": entry["label"], "widget": "hidden"}
    else:
        decap |= _widget(field.type, key, entry, text, languages, choices, required, kind_name, path, optional_object or not required, translated)
        decap.setdefault("required", required)
    # An unticked box is what the build reads when it is left out: not written. (Decap writes
    # a default into every new entry, and makes a list's or object's defaults a first item.)
    if field.default is not None and not isinstance(field.default, (tuple, list)) and not (isinstance(field.type, Boolean) and field.default is False):
        decap["default"] = field.default
    # Decap's i18n: on the top-level fields, and on every field inside a translated one (a
    # nested field without it would be left out of the other languages' files).
    if top or in_translated:
        if field.translation == SHARED:
            decap["i18n"] = "duplicate"
        elif field.translation != DEFAULT_ONLY:
            decap["i18n"] = True
    return decap


def _pattern(regex: str, entry: dict) -> list:
    return [f"^(?:{regex})$", entry.get("invalid") or entry["label"]]


def _widget(value_type, key, entry, text, languages, choices, required, kind_name, path, optional, translated=False) -> dict:
    if isinstance(value_type, (Slug, Date)):
        return {"widget": value_type.widget, "pattern": _pattern(value_type.pattern, entry)}
    if isinstance(value_type, Text):
        widget = {"widget": value_type.widget}
        if value_type.pattern:
            widget["pattern"] = _pattern(value_type.pattern, entry)
        if value_type.empty:
            widget["required"] = False
        return widget
    if isinstance(value_type, Choice):
        options = choices.get(value_type.options) if isinstance(value_type.options, str) else [{"label": o, "value": o} for o in value_type.options]
        return {"widget": "select", "options": options or []}
    if isinstance(value_type, TextList):
        return {"widget": "list", "field": {"name": re.sub(r"s$", "", key.rsplit(".", 1)[1]), "label": entry["label"], "widget": "string"}}
    if isinstance(value_type, ImagePath):
        return {"widget": "image", "choose_url": False}
    if isinstance(value_type, Boolean):
        return {"widget": "boolean"}
    if isinstance(value_type, Number):
        return {"widget": "number", "value_type": "int" if value_type.whole else "float", "min": value_type.low, "max": value_type.high}
    if isinstance(value_type, PerLanguage):
        inner = []
        for lang in languages.codes:
            one = {"name": lang, "label": f"{entry['label']} ({languages.names.get(lang, lang)})", "widget": value_type.item.widget, "required": required}
            if one["required"] or entry.get("invalid"):
                one["pattern"] = [NOT_BLANK, entry.get("invalid") or entry["label"]]
            inner.append(one)
        return {"widget": "object", "collapsed": False, "fields": inner}
    if isinstance(value_type, Mapping) and isinstance(value_type.key, Choice):
        # One optional text per key of the list it names (a criteria item's guidance per level).
        keys = choices.get(value_type.key.options) or []
        inner = [{"name": k["value"], "label": f"{entry['label']}: {k['label']}", "widget": value_type.value.widget, "required": False} for k in keys]
        return {"widget": "object", "collapsed": True, "fields": inner}
    if isinstance(value_type, Object):
        fields = [_field(kind_name, f, f"{path}.{f.name}", text, languages, choices, optional_object=optional, in_translated=translated) for f in value_type.fields]
        widget = {"widget": "object", "collapsed": False, "fields": [f for f in fields if f]}
        if value_type is PHOTO:
            widget |= {"widget": PHOTO_WIDGET, "photo_messages": _photo_messages(key, text)}
        return widget
    if isinstance(value_type, ObjectList):
        # A list's items exist only once added: their required fields are asked for.
        fields = [_field(kind_name, f, f"{path}.{f.name}", text, languages, choices, in_translated=translated) for f in value_type.item.fields]
        widget = {"widget": "list", "collapsed": False, "fields": [f for f in fields if f]}
        if key in FIXED_LISTS:
            widget |= {"allow_add": False, "allow_remove": False, "allow_reorder": False, "summary": "{{fields.id}} {{fields.title}}"}
        if value_type.item is PHOTO:
            widget |= {"widget": PHOTOS_WIDGET, "photo_messages": _photo_messages(key, text)}
        both = [f.name for f in value_type.item.fields if f.translation == BOTH_OR_NEITHER]
        if both and translated:
            # Where the list is in an entry's data, to find it in every language's file.
            widget |= {"widget": TRANSLATED_LIST_WIDGET, "data_path": path, "both_or_neither": {name: text(f"{key}.{name}")["invalid"] for name in both}}
        return widget
    raise TypeError(f"{key}: no editor widget for {type(value_type).__name__}: add it to officesite/cms/config.py")


# What the photo widgets (cms.js) say: a photo without a description in some language, and a
# decorative photo with one.
def _photo_messages(key: str, text) -> dict:
    return {"describe": text(f"{key}.alt")["invalid"], "decorative": text(f"{key}.decorative")["invalid"]}
