"""The content schema: every kind of metadata the site reads, declared once.

The build, scripts/new_news.py and scripts/score.py validate with these declarations
(officesite.metadata.fields derives the checks and the messages from them), and a content
editor's configuration can be generated from them: each field has a name, a type (with its
bounds or pattern and its editor widget), whether it is required, and how it relates to the
other languages' files of the same page (TRANSLATED, SHARED, DEFAULT_ONLY). Its label and
hint in each language are in schema_labels.yml, keyed `<kind>.<field path>`.

Rules that relate several values (item ids in order, points increasing, a post's date in
its year folder) are the readers' (officesite.criteria.metadata, officesite.news.posts).
"""

from dataclasses import dataclass
from pathlib import Path

from officesite.metadata.fields import (
    BOTH_OR_NEITHER,
    DEFAULT_ONLY,
    SHARED,
    Boolean,
    Choice,
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
)
from officesite.security.security_txt import CONTACT_EXPECTED, EMAIL, URI_CHARACTERS, contact_problem

LABELS_FILE = Path(__file__).with_name("schema_labels.yml")


@dataclass(frozen=True)
class Kind:
    name: str  # its key in schema_labels.yml
    files: str  # where its files are, as an author finds them
    root: object  # the type of the whole value (of the front matter or the file)
    file_name: Slug | None = None  # what the file's name must be, when it is part of the content
    per_language_files: bool = False  # one file per language (x.md, x.<code>.md): SHARED fields agree

    @property
    def fields(self) -> tuple:
        return self.root.fields

    # The declaration of one of its top-level fields.
    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


# -----------------------------------------------------------------------------
# News
# -----------------------------------------------------------------------------

NEWS_CATEGORIES_CHOICE = "news categories"  # the ids of categories.yml, given by the news reader
IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"  # a short ASCII name, as Python writes names


# A photo says what it shows in every language, or that it shows nothing a reader needs.
def photo_alt_rule(photo: dict) -> list:
    if photo["decorative"] and photo["alt"] is not None:
        return [("alt", "expected no description for a photo marked decorative: true, got one (remove one of them)")]
    if not photo["decorative"] and photo["alt"] is None:
        return [("alt", "expected a description of the photo in every language, or decorative: true, got neither")]
    return []


# A news photo: a file in the post's photo folder (docs/news/<year>/<slug>/), which the build
# checks and publishes in the sizes and formats of officesite.photos. Written once, in the
# default language's file, with its description in every language: a content editor keeps
# one list of photos per post (Decap CMS i18n: fields without i18n live in that file).
PHOTO = Object(
    (
        Field("src", ImagePath(suffixes=(), beside_file=True, example="river.jpg"), required=True),
        Field("alt", PerLanguage(Text(), expected="a description of the photo")),
        Field("decorative", Boolean(), default=False),
    ),
    expected="a photo, e.g. {src: river.jpg, alt: {…}}",
    rule=photo_alt_rule,
)

NEWS_POST = Kind(
    "news-post",
    "docs/news/<year>/<slug>.md, docs/news/<year>/<slug>.<language>.md",
    Object(
        (
            Field("title", Text(), required=True),
            # The post's file name without its language, which a content editor writes into
            # the files it names (Decap CMS: the slug comes from a field); the reader checks it.
            Field("slug", Slug(reserved=("index",), reserved_for="listing pages", owner="the post's"), translation=SHARED),
            Field("date", Date(), required=True, translation=SHARED),
            Field("description", Text(long=True), required=True),
            Field("category", Choice(NEWS_CATEGORIES_CHOICE, expected="an id from categories.yml"), translation=SHARED),
            Field("tags", TextList(), default=()),
            Field("cover", PHOTO, translation=DEFAULT_ONLY),
            Field("gallery", ObjectList(PHOTO, expected="a list of photos, e.g. [{src: river.jpg, alt: …}]"), translation=DEFAULT_ONLY),
            Field("draft", Boolean(), translation=SHARED, default=False),
        ),
        expected="title, date and description between --- lines",
    ),
    file_name=Slug(reserved=("index",), reserved_for="listing pages", owner="the post's"),
    per_language_files=True,
)

NEWS_CATEGORIES = Kind(
    "news-categories",
    "docs/news/categories.yml",
    Mapping(
        Text(pattern=Slug.pattern, expected="an ASCII id such as activities"),
        PerLanguage(Text(), expected="a name"),
        expected="a mapping of category id to names",
    ),
)

# -----------------------------------------------------------------------------
# PMQA 4.0 criteria
# -----------------------------------------------------------------------------

CATEGORY_COUNT = 7
# Bounds that catch typing mistakes (.inf, an extra zero, 1e-320) long before the calculator breaks.
MAX_WEIGHT = 100
MIN_WEIGHT = 0.01
MAX_POINTS = 10000
MAX_DISPLAY_DECIMALS = 3
DEFAULT_WEIGHT = 1

LEVEL_IDS_CHOICE = "criteria levels"  # the level ids of levels.yml, given by the criteria reader

CRITERIA_CATEGORY = Kind(
    "criteria-category",
    "docs/pmqa/category-<N>.md, docs/pmqa/category-<N>.<language>.md",
    Object(
        (
            Field("description", Text(long=True)),
            Field(
                "pmqa",
                Object(
                    (
                        Field("category", Number(CATEGORY_COUNT, low=1, whole=True), required=True, translation=SHARED),
                        Field("title", Text(), required=True),
                        Field("weight", Number(MAX_WEIGHT, low=MIN_WEIGHT, positive=True), translation=SHARED, default=float(DEFAULT_WEIGHT)),
                        Field(
                            "items",
                            ObjectList(
                                Object(
                                    (
                                        Field("id", Text(pattern=r"[1-9]\.[1-9][0-9]*", expected='text such as "1.1"'), required=True, translation=SHARED),
                                        Field("title", Text(), required=True),
                                        # What each level looks like for this item, and examples of evidence
                                        # that show it: the office fills them from OPDC's manual (README).
                                        Field(
                                            "guidance",
                                            Mapping(
                                                Choice(LEVEL_IDS_CHOICE, expected="a level id of levels.yml"),
                                                Text(long=True),
                                                expected="what each level looks like, e.g. {basic: …, advance: …}",
                                            ),
                                            translation=BOTH_OR_NEITHER,
                                        ),
                                        Field("evidence", TextList(example='["…", "…"]'), translation=BOTH_OR_NEITHER),
                                    )
                                ),
                                expected='a list of items, e.g. [{id: "1.1", title: …}]',
                            ),
                            required=True,
                        ),
                    ),
                    expected="the category metadata (category, title, items)",
                ),
                required=True,
            ),
        )
    ),
    per_language_files=True,
)

LEVEL = Object(
    (
        Field("id", Text(pattern=IDENTIFIER, expected="a short ASCII name such as basic"), required=True),
        Field("name", PerLanguage(Text(), expected="a name"), required=True),
        Field("points", Number(MAX_POINTS), required=True),
    )
)

LEVELS = Kind(
    "criteria-levels",
    "docs/pmqa/levels.yml",
    Object(
        (
            Field("levels", ObjectList(LEVEL, expected="a list of levels, e.g. [{id: basic, name: …, points: 300}]"), required=True),
            Field("not_reached", LEVEL, required=True),
            Field("display_decimals", Number(MAX_DISPLAY_DECIMALS, whole=True), default=1),
        )
    ),
)

# -----------------------------------------------------------------------------
# Pages, interface strings and configuration
# -----------------------------------------------------------------------------

PAGE_TYPE_CHOICE = "page types"  # the types a page may declare (officesite.page_types)

PAGE = Kind(
    "page",
    "docs/<page>.md, docs/<page>.<language>.md (not news posts or criteria category pages)",
    Object(
        (
            Field("title", Text()),
            Field("description", Text(long=True)),
            Field("page_type", Choice(PAGE_TYPE_CHOICE), translation=DEFAULT_ONLY),
            Field("template", Text(), translation=DEFAULT_ONLY),
        )
    ),
    per_language_files=True,
)

UI_STRINGS = Kind(
    "ui-strings",
    "hooks/officesite/ui_strings.yml",
    PerLanguage(
        Mapping(Text(pattern=IDENTIFIER, expected="a key such as news_title"), Text(), expected="a mapping of key to text"),
        expected="the strings",
        every_language=False,
    ),
)

SITE_TEXTS = Kind(
    "site",
    "mkdocs.yml (and each language's entry under plugins.i18n.languages)",
    Object(
        (
            Field("site_name", Text()),
            Field("site_description", Text(long=True)),
            Field("site_author", Text()),
            Field("copyright", Text()),
        )
    ),
)


# Addresses the site links to: a mailto: link, a link to another site, security.txt's Contact.
# Spaces around one are forgiven (a pasted address often has one); the site uses it stripped.
def _address(pattern: str) -> str:
    return rf"\s*(?:{pattern})\s*"


EMAIL_ADDRESS = Text(empty=True, pattern=_address(EMAIL.pattern), expected="an e-mail address such as name@example.org")
HTTPS_ADDRESS = Text(empty=True, pattern=_address(r"https://[^\s<>\"'`\\]+"), expected="an https:// address")
SECURITY_CONTACT = Text(
    empty=True,
    pattern=_address(rf"(?:mailto:)?{EMAIL.pattern}|https://{URI_CHARACTERS.pattern}"),
    expected=CONTACT_EXPECTED,
    rule=contact_problem,  # and an https:// URL names a host
)

# The office's own facts, in docs/office.yml (not published: mkdocs.yml's exclude_docs), which
# the office fills in by hand or in the web editor; officesite.office reads it.
OFFICE = Kind(
    "office",
    "docs/office.yml",
    Object(
        (
            Field("address", PerLanguage(Text(long=True, empty=True), every_language=False, or_plain=True)),
            Field("phone", Text(empty=True)),
            Field("fax", Text(empty=True)),
            Field("email", EMAIL_ADDRESS),
            Field("opening_hours", PerLanguage(Text(empty=True), every_language=False, or_plain=True)),
            Field("accessibility_email", EMAIL_ADDRESS),
            Field("security_contact", SECURITY_CONTACT),
            # The frame of every page (officesite.chrome).
            Field("short_name", PerLanguage(Text(empty=True), every_language=False, or_plain=True)),
            Field("parent", PerLanguage(Text(empty=True), every_language=False, or_plain=True)),
            Field("parent_url", HTTPS_ADDRESS),
            # An image file under docs/, which officesite.office checks is there.
            Field("emblem", Text(empty=True)),
        ),
        expected="a mapping of office facts (address, phone, email…)",
    ),
)

KINDS = (NEWS_POST, NEWS_CATEGORIES, CRITERIA_CATEGORY, LEVELS, PAGE, UI_STRINGS, SITE_TEXTS, OFFICE)


# The label keys of a kind: the kind itself and every field path, the fields of a list's
# items without an index ("criteria-category.pmqa.items.id").
def label_keys(kind: Kind) -> list[str]:
    return [kind.name] + [f"{kind.name}.{path}" for path in _field_paths(kind.root)]


def _field_paths(value_type, path: str = "") -> list[str]:
    if isinstance(value_type, ObjectList):
        return _field_paths(value_type.item, path)
    if not isinstance(value_type, Object):
        return []
    paths = []
    for f in value_type.fields:
        name = f"{path}.{f.name}" if path else f.name
        paths += [name, *_field_paths(f.type, name)]
    return paths
