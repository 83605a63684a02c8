"""The web editor's configuration is generated from the content schema (officesite/cms/config.py):
every field of a news post is in it (or listed in OMITTED with its reason), a field added to the
schema appears in it, its patterns are the build's, and what the site serves at /admin/ is that
configuration, behind its own CSP, out of the sitemap, search index and feeds."""

import dataclasses
import re

from conftest import ROOT
from mkdocs.utils.yaml import yaml_load
from officesite.cms.admin import ADMIN_FOLDER, NGINX_HEADER, admin_policy
from officesite.cms.config import LOCAL_BACKEND_ORIGIN, OMITTED, PHOTO_WIDGET, PHOTOS_WIDGET, TRANSLATED_LIST_WIDGET, config_yaml, decap_config
from officesite.cms.site import cms_backend, office_comments, schema_labels
from officesite.dates import read_date
from officesite.metadata.fields import Field, Object, ObjectList, Text
from officesite.criteria.metadata import load_criteria
from officesite.criteria.site import CRITERIA_FOLDER
from officesite.news.posts import NEWS_FOLDER, load_news
from officesite.office import OFFICE_FILE
from officesite.schema import CRITERIA_CATEGORY, NEWS_POST, OFFICE
from officesite.security.csp import HEADER_FILE
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages
from site_files import DEFAULT, LANGUAGES, OTHER

BACKEND = {"name": "github", "repo": "office/site", "branch": "main"}
LABELS = schema_labels()[DEFAULT]


def strings():
    return strings_of_languages(load_ui_strings(UI_STRINGS_FILE, LANGUAGES), LANGUAGES)[0]


def categories():
    return load_news(ROOT / "docs" / NEWS_FOLDER, LANGUAGES).categories


def levels():
    return load_criteria(ROOT / "docs" / CRITERIA_FOLDER, LANGUAGES).levels


def news_fields(config) -> dict:
    news = next(c for c in config["collections"] if c["name"] == "news")
    return {f["name"]: f for f in news["fields"]}


def paths(fields, path="") -> set[str]:
    found = set()
    for f in fields:
        name = f"{path}.{f['name']}" if path else f["name"]
        found.add(name)
        found |= paths(f.get("fields", []), name)
    return found


def schema_paths(value_type, path="") -> set[str]:
    if isinstance(value_type, ObjectList):
        return schema_paths(value_type.item, path)
    if not isinstance(value_type, Object):
        return set()
    found = set()
    for f in value_type.fields:
        name = f"{path}.{f.name}" if path else f.name
        found |= {name} | schema_paths(f.type, name)
    return found


def test_every_field_of_a_news_post_is_in_the_editor_or_omitted_with_a_reason():
    config = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND)
    offered = paths(news_fields(config).values())
    declared = schema_paths(NEWS_POST.root)
    omitted = {key.removeprefix(f"{NEWS_POST.name}.") for key in OMITTED}
    assert declared - omitted <= offered and not (omitted & offered)
    assert offered - declared == {"body"} | {f"{photo}.alt.{lang}" for photo in ("cover", "gallery") for lang in LANGUAGES.codes}


def test_a_field_added_to_the_schema_appears_in_the_editor_with_its_labels():
    place = Field("place", Text(), required=True)
    kind = dataclasses.replace(NEWS_POST, root=dataclasses.replace(NEWS_POST.root, fields=NEWS_POST.fields + (place,)))
    labels = schema_labels()
    labels = {lang: {**entries, "news-post.place": {"label": f"place-{lang}", "hint": "hint"}} for lang, entries in labels.items()}
    field = news_fields(decap_config(LANGUAGES, labels, strings(), categories(), BACKEND, news=kind))["place"]
    assert field == {"name": "place", "label": f"place-{DEFAULT}", "hint": "hint", "widget": "string", "required": True, "i18n": True}


def test_fields_follow_the_schema_widgets_languages_and_categories():
    fields = news_fields(decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND))
    assert fields["date"]["widget"] == "date" and fields["date"]["i18n"] == "duplicate" and fields["date"]["required"]
    assert fields["title"]["i18n"] is True and "i18n" not in fields["cover"] and "i18n" not in fields["gallery"]
    assert fields["category"]["options"] == [{"label": names[DEFAULT], "value": cid} for cid, names in categories().items()]
    assert fields["tags"]["field"]["widget"] == "string"  # Decap's list needs a field to add items
    # A photo's description is asked for by the photo widgets of cms.js (once a file is
    # chosen, unless decorative): as required fields, Decap would refuse a post without a cover.
    for photo, widget in (("cover", PHOTO_WIDGET), ("gallery", PHOTOS_WIDGET)):
        inner = {f["name"]: f for f in fields[photo]["fields"]}
        alt = {f["name"]: f for f in inner["alt"]["fields"]}
        assert sorted(alt) == sorted(LANGUAGES.codes) and all(f["pattern"][0] == r"\S" and not f["required"] for f in alt.values())
        assert inner["decorative"] == {"name": "decorative", "label": LABELS[f"news-post.{photo}.decorative"]["label"], "hint": LABELS[f"news-post.{photo}.decorative"]["hint"], "widget": "boolean", "required": False}
        assert fields[photo]["widget"] == widget and fields[photo]["photo_messages"] == {
            "describe": LABELS[f"news-post.{photo}.alt"]["invalid"], "decorative": LABELS[f"news-post.{photo}.decorative"]["invalid"]}
    assert not any(f["required"] for f in fields["cover"]["fields"])


def test_the_date_pattern_is_the_builds_rule():
    pattern = news_fields(decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND))["date"]["pattern"][0]
    for text in ("2026-03-05", "2400-12-31", "1999-01-01"):
        assert re.search(pattern, text) and read_date(text)[1] is None, text
    for text in ("2569-03-05", "2401-01-01", "2026-3-5", "18/07/2561", "2026-13-01"):
        assert not re.search(pattern, text) and read_date(text)[1] is not None, text


def test_only_the_local_trial_names_the_local_backend():
    production = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND)
    local = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND, local=True)
    assert "local_backend" not in production and production["publish_mode"] == "editorial_workflow"
    assert local["local_backend"]["url"].startswith(LOCAL_BACKEND_ORIGIN) and "publish_mode" not in local
    workflow = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND, local=True, workflow=True)
    assert workflow["local_backend"] == local["local_backend"] and workflow["publish_mode"] == "editorial_workflow"
    assert LOCAL_BACKEND_ORIGIN not in admin_policy(["https://api.github.com"]) and LOCAL_BACKEND_ORIGIN in admin_policy(local=True)
    assert cms_backend({"cms": {"backend": {"name": "gitea", "repo": "o/s", "api_root": "https://git.example.org/api/v1"}}})[1] == ["https://git.example.org"]


def test_the_site_serves_the_generated_configuration_behind_its_own_policy(site):
    admin = site.root / ADMIN_FOLDER
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        backend, origins = cms_backend(yaml_load(file)["extra"])
    expected = config_yaml(decap_config(LANGUAGES, schema_labels(), strings(), categories(), backend, levels=levels(), office_comments=office_comments(ROOT / "docs")))
    assert (admin / "config.yml").read_text(encoding="utf-8") == expected
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page and "<script>" not in page
    assert admin_policy(origins, meta=True).replace("'", "&#39;") in page and LOCAL_BACKEND_ORIGIN not in page
    assert (admin / "decap" / "decap-cms.js").is_file() and not list(admin.rglob("*.map"))
    assert LOCAL_BACKEND_ORIGIN not in (site.root / NGINX_HEADER).read_text(encoding="utf-8")
    # The site's pages keep their own policy: nothing of the editor's.
    assert "unsafe-eval" not in (site.root / HEADER_FILE).read_text(encoding="utf-8")
    # Out of the sitemap, the search indexes and the feeds.
    published = [site.root / "sitemap.xml", *site.root.rglob("pages-*.json"), *site.root.rglob("*.xml")]
    assert not [path for path in published if f"/{ADMIN_FOLDER}/" in path.read_text(encoding="utf-8")]
    assert f"{ADMIN_FOLDER}/" not in site.pages and LANGUAGES.path(f"{ADMIN_FOLDER}/", OTHER) not in site.pages



def test_the_script_prints_what_the_build_serves(capsys):
    import cms_config

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        backend, _ = cms_backend(yaml_load(file)["extra"])
    assert cms_config.main(["--local"]) == 0
    expected = decap_config(LANGUAGES, schema_labels(), strings(), categories(), backend, local=True, levels=levels(), office_comments=office_comments(ROOT / "docs"))
    assert capsys.readouterr().out == config_yaml(expected)


def test_nginx_serves_the_editor_with_its_policy_and_the_site_with_its_own(nginx):
    import urllib.request

    def headers(path):
        with urllib.request.urlopen(nginx.url + path) as response:
            return response.headers

    admin, home, admin_script = headers(f"{ADMIN_FOLDER}/"), headers(""), headers(f"{ADMIN_FOLDER}/cms.js")
    assert admin["Content-Security-Policy"] == admin_policy(["https://api.github.com"]) == admin_script["Content-Security-Policy"]
    assert admin["X-Robots-Tag"] == "noindex, nofollow"
    assert "'unsafe-eval'" not in home["Content-Security-Policy"] and home["X-Robots-Tag"] is None
    assert admin["X-Frame-Options"] == home["X-Frame-Options"] == "DENY"  # the server's headers stay


def test_without_the_package_the_admin_page_says_so_and_loads_nothing(tmp_path):
    from officesite.cms.admin import write_admin

    page = {"lang": DEFAULT, "title": "t", "missing": strings()[DEFAULT]["cms_missing"], "favicon": "/f.svg", "preview_styles": [], "preview_locales": {}}
    assert write_admin(tmp_path / "site", tmp_path, {"collections": []}, page) is False
    html = (tmp_path / "site" / ADMIN_FOLDER / "index.html").read_text(encoding="utf-8")
    assert strings()[DEFAULT]["cms_missing"] in html and "<script" not in html and "cms-config-url" not in html
    assert sorted(p.name for p in (tmp_path / "site" / ADMIN_FOLDER).iterdir()) == ["admin.css", "index.html"]


def test_the_criteria_pages_fields_are_in_the_editor_their_ids_and_numbers_kept_as_they_are():
    config = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND, levels=levels())
    criteria = next(c for c in config["collections"] if c["folder"] == f"docs/{CRITERIA_FOLDER}")
    fields = {f["name"]: f for f in criteria["fields"]}
    offered = paths(criteria["fields"])
    assert schema_paths(CRITERIA_CATEGORY.root) <= offered and criteria["create"] is False and criteria["delete"] is False
    pmqa = {f["name"]: f for f in fields["pmqa"]["fields"]}
    items = {f["name"]: f for f in pmqa["items"]["fields"]}
    assert pmqa["category"]["widget"] == items["id"]["widget"] == "hidden" and pmqa["category"]["i18n"] == items["id"]["i18n"] == "duplicate"
    assert pmqa["items"]["allow_add"] is False and pmqa["items"]["allow_remove"] is False and pmqa["items"]["allow_reorder"] is False
    assert [f["name"] for f in items["guidance"]["fields"]] == [level.id for level in levels()]
    # Guidance and evidence in every language or in none (BOTH_OR_NEITHER): cms.js's list
    # widget finds the items in each language's data and says the build's rule in Thai.
    both = {"guidance": LABELS["criteria-category.pmqa.items.guidance"]["invalid"], "evidence": LABELS["criteria-category.pmqa.items.evidence"]["invalid"]}
    assert (pmqa["items"]["widget"], pmqa["items"]["data_path"], pmqa["items"]["both_or_neither"]) == (TRANSLATED_LIST_WIDGET, "pmqa.items", both)
    assert pmqa["title"]["i18n"] is True and fields["body"]["widget"] == "text"  # the markers never pass a rich-text editor


# -----------------------------------------------------------------------------
# The office facts (docs/office.yml)
# -----------------------------------------------------------------------------


def office_collection_of(config) -> dict:
    return next(c for c in config["collections"] if c["name"] == "office")


def test_every_office_fact_is_a_field_of_the_office_file_labelled_in_thai():
    config = decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND, office_comments=office_comments(ROOT / "docs"))
    office = office_collection_of(config)
    (file,) = office["files"]
    assert file["file"] == f"docs/{OFFICE_FILE}" and file["format"] == "yml" and office["delete"] is False
    assert [f["name"] for f in file["fields"]] == [f.name for f in OFFICE.fields]
    labels = schema_labels()[DEFAULT]
    assert [f["label"] for f in file["fields"]] == [labels[f"office.{f.name}"]["label"] for f in OFFICE.fields]
    # Nothing is required (a fact left empty is not shown), nothing is per-language-file (one file).
    assert not any(f["required"] or "i18n" in f for f in file["fields"])
    # Decap writes a field's comment only from the collection's own fields: the same ones.
    assert office["fields"] == file["fields"] and office["fields"] is not file["fields"]
    assert "&id" not in config_yaml(config)  # written out, no YAML alias for the editor to resolve


def test_a_fact_that_differs_by_language_shows_every_language_one_below_the_other():
    file = office_collection_of(decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND))["files"][0]
    address = next(f for f in file["fields"] if f["name"] == "address")
    label = schema_labels()[DEFAULT]["office.address"]["label"]
    assert [(f["name"], f["label"], f["widget"]) for f in address["fields"]] == [(lang, f"{label} ({LANGUAGES.names[lang]})", "text") for lang in LANGUAGES.codes]


def test_an_office_fact_added_to_the_schema_appears_in_the_editor():
    import dataclasses

    from officesite.cms.config import office_collection

    line = Field("line_id", Text(empty=True))
    kind = dataclasses.replace(OFFICE, root=dataclasses.replace(OFFICE.root, fields=OFFICE.fields + (line,)))
    labels = {lang: {**entries, "office.line_id": {"label": f"line-{lang}"}} for lang, entries in schema_labels().items()}
    field = office_collection(LANGUAGES, labels, {}, kind)["files"][0]["fields"][-1]
    assert field == {"name": "line_id", "label": f"line-{DEFAULT}", "widget": "string", "required": False}


def test_the_address_patterns_are_the_builds_rules_with_thai_messages():
    from officesite.metadata.fields import Context

    file = office_collection_of(decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND))["files"][0]
    fields = {f["name"]: f for f in file["fields"]}
    samples = {
        "email": (["saraban@example.org", " a.b+c@mail.example.org "], ["<script>@x.org", "a@b", "ก@example.org", "a@example.org, b@example.org"]),
        "accessibility_email": (["help@example.org"], ["help at example.org"]),
        "parent_url": (["https://www.example.org/ministry"], ["http://example.org/", "javascript:alert(1)", 'https://x/"><script>']),
        "security_contact": (["security@example.org", "mailto:a@example.org", "https://example.org/report"], ["a@example.org\nExpires: 2099", "ftp://example.org/"]),
    }
    assert sorted(name for name, f in fields.items() if "pattern" in f) == sorted(samples)
    for name, (good, bad) in samples.items():
        pattern, message = fields[name]["pattern"]
        assert message == schema_labels()[DEFAULT][f"office.{name}"]["invalid"] and re.search("[\u0e00-\u0e7f]", message)
        declared = OFFICE.field(name).type
        for text in good:
            assert re.search(pattern, text) and declared.check(text, Context(LANGUAGES))[1] == [], text
        for text in bad:
            assert not re.search(pattern, text) and declared.check(text, Context(LANGUAGES))[1] != [], text


def test_the_editor_writes_back_what_the_office_file_says_above_each_fact():
    comments = office_comments(ROOT / "docs")
    file = office_collection_of(decap_config(LANGUAGES, schema_labels(), strings(), categories(), BACKEND, office_comments=comments))["files"][0]
    written = {f["name"]: f["comment"] for f in file["fields"] if "comment" in f}
    text = (ROOT / "docs" / OFFICE_FILE).read_text(encoding="utf-8")
    # Decap writes each line of a comment ("\\n" between lines) as "# line" above its key.
    rebuilt = {name: "\n".join(f"# {line}" for line in comment.split("\\n")) + f"\n{name}:" for name, comment in written.items()}
    assert written.keys() == comments.keys() and {"address", "security_contact", "emblem"} <= written.keys()
    assert all(block in text for block in rebuilt.values())
    assert text.startswith(rebuilt["address"].rsplit("\n", 1)[0])  # the file's introduction stays first
