#!/usr/bin/env python3
"""Print the web editor's configuration (Decap CMS's config.yml) generated from the content schema.

    python scripts/cms_config.py [--local]

What the build writes to site/admin/config.yml (officesite.cms.config): the news collection's
fields from officesite/schema.py (and the PMQA criteria pages' and the office facts'), their
labels from schema_labels.yml, the comments of docs/office.yml, the categories of
docs/news/categories.yml and the backend of mkdocs.yml's extra.cms. --local: as the local
trial (scripts/cms.sh) has it, with decap-server on 127.0.0.1. A file it cannot read is one
line on stderr and exit status 2.
"""

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from officesite.cms.config import config_yaml, decap_config
from officesite.cms.site import cms_backend, office_comments, schema_labels
from officesite.criteria.metadata import load_criteria
from officesite.criteria.site import CRITERIA_FOLDER
from officesite.languages import languages_of_mkdocs_yml
from officesite.metadata.problems import MetadataError
from officesite.news.posts import NEWS_FOLDER, load_news
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Print the web editor's configuration generated from the content schema.")
    parser.add_argument("--local", action="store_true", help="the local trial's: decap-server on 127.0.0.1")
    args = parser.parse_args(argv)
    languages = languages_of_mkdocs_yml(ROOT / "mkdocs.yml")
    try:
        with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
            backend, _ = cms_backend(yaml_load(file).get("extra") or {})
        strings = strings_of_languages(load_ui_strings(UI_STRINGS_FILE, languages), languages)[0]
        categories = load_news(ROOT / "docs" / NEWS_FOLDER, languages).categories
        levels = load_criteria(ROOT / "docs" / CRITERIA_FOLDER, languages).levels
        comments = office_comments(ROOT / "docs", ROOT)
    except MetadataError as error:
        print(f"cms_config: {error.problems[0]}", file=sys.stderr)
        return 2
    except PluginError as error:
        print(f"cms_config: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(config_yaml(decap_config(languages, schema_labels(), strings, categories, backend, args.local, levels=levels, office_comments=comments)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
