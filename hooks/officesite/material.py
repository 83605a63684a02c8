"""Pinned fixes to Material's built scripts and markup, where no theme option does the job.

Each script patch replaces one exact text of Material 9.8.2's minified scripts in the built site.
If a text is not found exactly once, the build stops and asks for the patch to be re-checked
(a new Material version), instead of silently shipping the old behaviour again.
- Alternate sitemaps: Material fetches sitemap.xml beside every `<link rel="alternate">`,
  for its own language menu. This site links each page's twin directly; the look-ups cost
  a request per alternate on every page view, mostly misses (/en/about/sitemap.xml).
- Lazy search index: Material downloads the search index on every page load; it is fetched
  only when the reader opens search (the search toggle), which is all the index is for.
- Thai queries: Material's search worker splits only Han-script queries into words; it now
  also hands each query to siteThaiQuery (docs/assets/javascripts/thai-query.js, loaded
  into the worker on the first search), which splits Thai runs into the words of the index
  that hooks/search_index.py segmented.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class ScriptPatch:
    name: str
    files: str  # glob under the built site
    old: str
    new: str


SCRIPT_PATCHES = (
    ScriptPatch(
        "alternate sitemap lookup",
        "assets/javascripts/bundle.*.min.js",
        "ui({document$:ct});",
        "/* alternate sitemap lookup removed: hooks/theme_patches.py */",
    ),
    ScriptPatch(
        "search index on opening search only",
        "assets/javascripts/bundle.*.min.js",
        'L($(location.protocol!=="file:"),Je("search"))',
        'L($(!1),Je("search"))',
    ),
    ScriptPatch(
        "Thai query segmentation",
        "assets/javascripts/workers/search.*.min.js",
        'e=e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* "))',
        'e=(self.siteThaiQuery||(importScripts("../thai-query.js"),self.siteThaiQuery))('
        'e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* ")),this.index.invertedIndex)',
    ),
)

# Markup fixed in every page Material renders. The Nu Html Checker rejects autocomplete="off"
# on its drawer and search toggles (only text-like inputs may have it) and the empty tabindex
# of its navigation's section labels; its search dialog has no accessible name: it gets the
# name of its search box ("ค้นหา", "Search").
MARKUP_FIXES = (
    (
        re.compile(r'<div class="md-search" data-md-component="search" role="dialog">(\s*<label class="md-search__overlay"[^>]*></label>\s*<div class="md-search__inner" role="search">\s*<form[^>]*>\s*<input [^>]*aria-label="([^"]*)")'),
        r'<div class="md-search" data-md-component="search" role="dialog" aria-label="\2">\1',
    ),
    (re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">'), r"\1>"),
    (re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex="">'), r"\1>"),
)


def fix_markup(html: str) -> str:
    for pattern, replacement in MARKUP_FIXES:
        html = pattern.sub(replacement, html)
    return html


# Apply a patch to a built script, once: a patched file is left as it is.
def apply_patch(script_file: Path, patch: ScriptPatch) -> None:
    script = script_file.read_text(encoding="utf-8")
    if patch.new in script and patch.old not in script:
        return
    if script.count(patch.old) != 1:
        raise PluginError(
            f"{script_file.name}: {patch.name}: `{patch.old}` was not found once; "
            "Material's script changed: re-check hooks/theme_patches.py"
        )
    script_file.write_text(script.replace(patch.old, patch.new), encoding="utf-8")
