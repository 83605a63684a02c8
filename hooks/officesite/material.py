"""Every dependency on Material for MkDocs' internals, in one list: PATCHES.

Material is pinned in requirements.txt (`mkdocs-material==…`), and every patch below was
checked against that version: the build stops at start-up when another version is installed
(`version_problem`), and tests/test_material_layer.py applies each patch to the installed,
pristine Material files, so a version bump fails in seconds, naming the patch. The kinds:
- PartialCopy: a Material partial copied into overrides/ with a few edits; preferred wherever
  Material lets a template be overridden. The copy is the pristine file (whose SHA-256 is
  recorded) with the Material header replaced by COPY_HEADER and each edit applied once.
- CachedPartial: a Material partial rendered once for every page of a folder outside the
  navigation, when what it reads of the page is the same for them (its SHA-256 is recorded:
  what it reads was checked in that file).
- CachedBlock: a block of a Material template rendered once per language run for every page
  whose base URL and links (the `url` filter's paths) are the same (its template's SHA-256 is
  recorded: what the block reads was checked in that file).
- PartialReplaced: a Material partial that overrides/ replaces with the site's own; the
  pristine file's SHA-256 is recorded, so that a Material that changes it is noticed.
- TemplateEdit: an exact text of a block's output (`super()` in overrides/main.html, through
  the `material_edit` filter), where overriding the block would copy fingerprinted asset names.
- MarkupFix: an exact text of every rendered page, for markup base.html writes outside any block.
- ScriptPatch: an exact text of a minified script in the built site.
- Reliance: nothing changed, but a module elsewhere depends on what a Material template holds
  (the inline scripts the CSP hashes, the values it prints unescaped): the text must still be
  there, checked at start-up and by the test, naming the module that relies on it.
Each text must be found exactly once (per copy, per block output, per page, per script file),
or the build stops naming the patch, instead of silently shipping Material's behaviour again.
"""

import hashlib
import importlib.metadata
import importlib.util
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url

WHERE = "hooks/officesite/material.py"
PACKAGE = "mkdocs-material"
REQUIREMENTS = "requirements.txt"  # beside mkdocs.yml: the one place Material's version is written


@dataclass(frozen=True)
class PartialCopy:
    name: str  # the template, in Material's templates and in overrides/
    sha256: str  # of Material's pristine file at the pinned version
    edits: tuple[tuple[str, str], ...]  # (old, new): each old text once in the pristine file


@dataclass(frozen=True)
class CachedPartial:
    name: str  # the partial, in Material's templates
    sha256: str  # of Material's pristine file at the pinned version: what it reads of the page


@dataclass(frozen=True)
class CachedBlock:
    name: str
    template: str  # in Material's templates
    block: str
    sha256: str  # of Material's pristine template at the pinned version: what the block reads
    links: tuple[str, ...]  # the paths the block writes through the `url` filter (relative to the page)
    config_links: tuple[str, ...] = ()  # configuration lists whose entries it writes so (script_tag)


@dataclass(frozen=True)
class PartialReplaced:
    name: str  # the template, in Material's templates and in overrides/
    sha256: str  # of Material's pristine file at the pinned version
    kept: str  # what of Material's file the site's own keeps: re-check it when Material changes


@dataclass(frozen=True)
class TemplateEdit:
    name: str  # what overrides/main.html passes to the material_edit filter
    old: str  # `{value}` fields are filled with the filter's values, written as JSON (Jinja's tojson)
    new: str


@dataclass(frozen=True)
class MarkupFix:
    name: str
    old: str  # once in every page: base.html writes it outside any block
    new: str


@dataclass(frozen=True)
class ScriptPatch:
    name: str
    files: str  # glob under the built site
    old: str
    new: str


@dataclass(frozen=True)
class Reliance:
    name: str
    template: str  # Material's template, under its templates folder
    text: str  # what must be in it (at least once)
    used_by: str  # the module that relies on it


COPY_HEADER = "{{#- Material's {name}, copied with the edits listed in hooks/officesite/material.py (PATCHES). -#}}\n"
MATERIAL_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

PATCHES = (
    # The site's search replaces Material's (README, "Search"): its own dialog, in Material's
    # header and with Material's look, run by docs/assets/javascripts/search.js. The header
    # shows the search button and includes this partial without Material's search plugin
    # (the header's edits below).
    PartialReplaced(
        "partials/search.html",
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        "the markup the md-search styles and the `__search` toggle expect",
    ),
    # The Nu Html Checker rejects the empty tabindex of the navigation's section labels.
    PartialCopy(
        "partials/nav-item.html",
        "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
        (
            (
                '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
                '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
            ),
            (
                '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
                '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
            ),
            # Thai titles break between words (officesite.thai_breaks).
            ("    {{ nav_item.title }}\n", "    {{ nav_item.title | thai_breaks }}\n"),
            # The active page's table-of-contents toggle only where there is a table of contents
            # to open: alone, the checkbox has no label, hence no name (HTML_CodeSniffer, pa11y).
            ('      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n', ""),
            (
                '      {% if toc %}\n        <label class="md-nav__link md-nav__link--active" for="__toc">',
                '      {% if toc %}\n        <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
                '        <label class="md-nav__link md-nav__link--active" for="__toc">',
            ),
        ),
    ),
    # The header: a menu button (the drawer's label can be neither focused nor named), and
    # the office's name, full or short (overrides/partials/site-name.html), instead of
    # Material's two topics, site name and page title swapped on scrolling: both cut with an
    # ellipsis where they do not fit, which on a phone is always.
    PartialCopy(
        "partials/header.html",
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
        (
            (
                '    <label class="md-header__button md-icon" for="__drawer">\n'
                '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
                '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "    </label>\n",
                '    <label class="md-header__button md-icon site-drawer-label" for="__drawer">\n'
                '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
                '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "    </label>\n"
                '    <button type="button" class="md-header__button md-icon site-drawer-button" aria-label="{{ ui.menu }}" aria-expanded="false" hidden data-site-drawer-button>\n'
                '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "    </button>\n",
            ),
            (
                '    <div class="md-header__title" data-md-component="header-title">\n'
                '      <div class="md-header__ellipsis">\n'
                '        <div class="md-header__topic">\n'
                '          <span class="md-ellipsis">\n'
                "            {{ config.site_name }}\n"
                "          </span>\n"
                "        </div>\n"
                '        <div class="md-header__topic" data-md-component="header-topic">\n'
                '          <span class="md-ellipsis">\n'
                "            {% if page.meta and page.meta.title %}\n"
                "              {{ page.meta.title }}\n"
                "            {% else %}\n"
                "              {{ page.title }}\n"
                "            {% endif %}\n"
                "          </span>\n"
                "        </div>\n"
                "      </div>\n"
                "    </div>\n",
                '    <div class="md-header__title site-header-name">\n'
                '      {% include "partials/site-name.html" %}\n'
                "    </div>\n",
            ),
            # The search button and the site's dialog (partials/search.html) without Material's
            # search plugin, which mkdocs.yml no longer lists: its index was never read, and
            # indexing every page cost about a twentieth of the build. Like the drawer's, the
            # search's label can be neither focused nor named: search.js shows a real button in
            # its place, which focus comes back to when search closes.
            (
                '    {% if "material/search" in config.plugins %}\n'
                '      {% set search = config.plugins["material/search"] | attr("config") %}\n'
                "      {% if search.enabled %}\n"
                '        <label class="md-header__button md-icon" for="__search">\n'
                '          {% set icon = config.theme.icon.search or "material/magnify" %}\n'
                '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "        </label>\n"
                '        {% include "partials/search.html" %}\n'
                "      {% endif %}\n"
                "    {% endif %}\n",
                '    <label class="md-header__button md-icon" for="__search">\n'
                '      {% set icon = config.theme.icon.search or "material/magnify" %}\n'
                '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "    </label>\n"
                '    <button type="button" class="md-header__button md-icon site-search-button" aria-label="{{ lang.t(\'search.placeholder\') }}" aria-expanded="false" hidden data-site-search-button>\n'
                '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
                "    </button>\n"
                '    {% include "partials/search.html" %}\n',
            ),
        ),
    ),
    # The drawer's title: the office's name breaks between Thai words.
    PartialCopy(
        "partials/nav.html",
        "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
        (("    {{ config.site_name }}\n  </label>", "    {{ config.site_name | thai_breaks }}\n  </label>"),),
    ),
    # The office's emblem (emblem in docs/office.yml, officesite.chrome) where Material puts its
    # logo; decorative: the link around it is named with the office's name.
    PartialCopy(
        "partials/logo.html",
        "e0925ef6c190174a5162ed1ecc55295016dd8a7beec3018db3e04aac283a2dd9",
        (
            (
                "{% if config.theme.logo %}\n",
                '{% if office_identity and office_identity.emblem %}\n  <img src="{{ office_identity.emblem | url }}" alt="">\n{% elif config.theme.logo %}\n',
            ),
        ),
    ),
    # The footer: the office, its contact facts, its parent organisation and the policy pages
    # (overrides/partials/site-footer.html) instead of the copyright line.
    PartialCopy(
        "partials/footer.html",
        "50c2a75f013b7b03fb97f381860c77df8fd5d13d68f90d3281754b68f69ec894",
        (('      {% include "partials/copyright.html" %}\n', '      {% include "partials/site-footer.html" %}\n'),),
    ),
    # Material renders the whole primary navigation into every page, about a third of a
    # page's rendering. For a page outside the navigation (news posts and listings: most of
    # the pages) nothing in it is active and its links are relative to the page's folder: it
    # is the same for every page of a folder, and rendered once per folder and language.
    CachedPartial(
        "partials/nav.html",
        "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
    ),
    # Material's configuration of its scripts (`__config`, JSON): its interface texts through
    # `lang.t`, nine calls a page, then the features, the base URL and the search worker's URL:
    # the same for every page with the same base URL and worker URL in a language's run.
    CachedBlock(
        "script configuration",
        "base.html",
        "config",
        "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
        ("assets/javascripts/workers/search.a7633da7.min.js",),
    ),
    # Material's scripts: its bundle, then `extra_javascript` through `script_tag` (a
    # Markup.format per script): the same for every page with the same URLs of them.
    CachedBlock(
        "scripts",
        "base.html",
        "scripts",
        "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
        ("assets/javascripts/bundle.a5f9d56c.min.js",),
        ("extra_javascript",),
    ),
    # Material's bundle, deferred: even at the end of <body> a plain script blocks rendering.
    TemplateEdit("deferred bundle", '.min.js"></script>', '.min.js" defer></script>'),
    # The Nu Html Checker rejects autocomplete="off" on the drawer and search toggles (only
    # text-like inputs may have it); base.html writes them outside any block.
    MarkupFix(
        "drawer toggle without autocomplete",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    MarkupFix(
        "search toggle without autocomplete",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
    # Material fetches sitemap.xml beside every `<link rel="alternate">`, for its own language
    # menu. This site links each page's twin directly; the look-ups cost a request per
    # alternate on every page view, mostly misses (/en/about/sitemap.xml).
    ScriptPatch(
        "alternate sitemap lookup",
        "assets/javascripts/bundle.*.min.js",
        "ui({document$:ct});",
        "/* alternate sitemap lookup removed: hooks/officesite/material.py */",
    ),
    # The head script keys the reader's stored choices by `extra.scope`, which the CSP sets to
    # the site's root so that the script, and its hash, are the same at every depth.
    Reliance(
        "head script scoped by extra.scope",
        "partials/javascripts/base.html",
        '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)',
        "officesite/security/csp.py (storage_scope, TEMPLATE_SCRIPTS)",
    ),
    Reliance(
        "content tabs script",
        "partials/javascripts/content.html",
        "<script>var target=document.getElementById(location.hash.slice(1));",
        "officesite/security/csp.py (TEMPLATE_SCRIPTS)",
    ),
    # Material prints these as they are: they reach it as escaped Markup.
    Reliance("site name printed as it is", "partials/header.html", "{{ config.site_name }}", "officesite/security/escaping.py (CONFIG_TEXTS)"),
    Reliance("copyright printed as it is", "partials/copyright.html", "{{ config.copyright }}", "officesite/security/escaping.py (CONFIG_TEXTS)"),
    Reliance("page title printed as it is", "partials/header.html", "{{ page.title }}", "officesite/security/escaping.py (title_markup)"),
    # The web editor's preview uses Material's compiled stylesheet, found by this name's form.
    Reliance("main stylesheet named main.<hash>.min.css", "base.html", "<link rel=\"stylesheet\" href=\"{{ 'assets/stylesheets/main.", "officesite/cms/site.py (MAIN_STYLESHEET)"),
)
# Material's compiled stylesheet in a built site (its name carries a hash of its content).
MAIN_STYLESHEET = "assets/stylesheets/main.*.min.css"


def patches_of(kind) -> tuple:
    return tuple(patch for patch in PATCHES if isinstance(patch, kind))


# --- Start-up: the installed Material is the pinned one, its copied partials unchanged ---

PIN_LINE = re.compile(rf"^{re.escape(PACKAGE)}==(\S+)[ \t]*$", re.MULTILINE | re.IGNORECASE)


# The version of Material the patches were checked against: its pin in requirements.txt.
def pinned_version(requirements: Path) -> str:
    text = requirements.read_text(encoding="utf-8") if requirements.is_file() else ""
    pins = PIN_LINE.findall(text)
    if len(pins) != 1:
        raise PluginError(
            f"{REQUIREMENTS}: {PACKAGE}: expected one line `{PACKAGE}==<version>` (the version {WHERE} "
            f"was checked against), got {len(pins) if text else 'no file ' + str(requirements)}"
        )
    return pins[0]


def installed_version() -> str:
    return importlib.metadata.version(PACKAGE)


# What is wrong with the installed version, as one line, or None.
def version_problem(pinned: str, installed: str) -> str | None:
    if installed == pinned:
        return None
    return (
        f"{REQUIREMENTS}: {PACKAGE}: expected {pinned}, the version Material's patches ({WHERE}) were "
        f"checked against, got {installed} installed: run `.venv/bin/pip install -r {REQUIREMENTS}`, "
        f"or, to move to {installed}, re-check every patch with tests/test_material_layer.py and then the pin"
    )


# The folder of Material's own templates, as installed.
def material_templates() -> Path:
    return Path(importlib.util.find_spec("material").origin).parent / "templates"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The copied, replaced and cached partials whose pristine Material file is no longer the one
# they were checked against.
def changed_partial_problems(templates: Path) -> list[str]:
    todo = {
        PartialCopy: "copy it again into overrides/{name} with the listed edits, then record its hash",
        PartialReplaced: "check that overrides/{name} still keeps {kept}, then record its hash",
        CachedPartial: "check again that it reads nothing else of the page than the navigation's state and its folder, then record its hash",
        CachedBlock: "check again that its block {block} reads nothing else of the page than the base URL and the links listed, then record its hash",
    }
    problems = []
    for partial in patches_of((PartialCopy, PartialReplaced, CachedPartial, CachedBlock)):
        path = templates / getattr(partial, "template", partial.name)
        if not path.is_file() or sha256_of(path) != partial.sha256:
            problems.append(
                f"{WHERE}: {path.relative_to(templates).as_posix()}: expected Material's file with SHA-256 {partial.sha256}, got "
                f"{sha256_of(path) if path.is_file() else 'no file'}: "
                + todo[type(partial)].format(name=partial.name, kept=getattr(partial, "kept", ""), block=getattr(partial, "block", ""))
            )
    return problems


# The reliances whose text Material's templates no longer hold.
def reliance_problems(templates: Path) -> list[str]:
    problems = []
    for reliance in patches_of(Reliance):
        path = templates / reliance.template
        if not path.is_file() or reliance.text not in path.read_text(encoding="utf-8"):
            problems.append(
                f"{WHERE}: {reliance.name}: expected `{reliance.text}` in Material's {reliance.template}, got "
                f"{'a file without it' if path.is_file() else 'no file'}: re-check {reliance.used_by}"
            )
    return problems


# Stop the build unless the installed Material is the pinned one, its copied partials
# unchanged and what other modules rely on still there.
def check_material(requirements: Path) -> None:
    problem = version_problem(pinned_version(requirements), installed_version())
    problems = [problem] if problem else changed_partial_problems(material_templates()) + reliance_problems(material_templates())
    if problems:
        raise PluginError("\n".join(problems))


# What overrides/<name> holds: the pristine partial, its header replaced, each edit applied.
def copied_partial(copy: PartialCopy, pristine: str) -> str:
    text = _replaced_once(pristine, MATERIAL_HEADER, COPY_HEADER.format(name=copy.name), f"{copy.name}: header")
    for old, new in copy.edits:
        text = _replaced_once(text, old, new, f"{copy.name}: edit `{old}`")
    return text


def _replaced_once(text: str, old: str, new: str, what: str) -> str:
    if text.count(old) != 1:
        raise PluginError(f"{WHERE}: {what}: expected once in Material's file, got {text.count(old)} times")
    return text.replace(old, new)


# --- While rendering: template edits (a Jinja filter) and markup fixes (each page) ---


# Material's block output with a template edit applied: the `material_edit` filter.
def material_edit(output, name: str, **values) -> Markup:
    edits = {edit.name: edit for edit in patches_of(TemplateEdit)}
    if name not in edits:
        raise PluginError(f"{WHERE}: material_edit: expected one of {sorted(edits)}, got {name!r}")
    json_values = {key: htmlsafe_json_dumps(value) for key, value in values.items()}
    edit, text = edits[name], str(output)
    old, new = edit.old.format(**json_values), edit.new.format(**json_values)
    if text.count(old) != 1:
        raise PluginError(
            f"{WHERE}: {name}: expected `{old}` once in Material's block output, got {text.count(old)} times: "
            "re-check the edit against Material's base.html"
        )
    edited = text.replace(old, new)
    return Markup(edited)


# A rendered page with every markup fix applied; `where` names the page in messages.
def fixed_markup(html: str, where: str) -> str:
    for fix in patches_of(MarkupFix):
        # One pass over the page: where the markup is, and that it is nowhere after.
        at = html.find(fix.old)
        if at < 0 or html.find(fix.old, at + len(fix.old)) >= 0:
            raise PluginError(
                f"{WHERE}: {fix.name}: expected `{fix.old}` once in every page, got {html.count(fix.old)} times in {where}: "
                "re-check the fix against Material's base.html"
            )
        html = html[:at] + fix.new + html[at + len(fix.old) :]
    return html


# Make every CachedPartial of an environment (one language's run) render once per folder of
# pages outside the navigation, and every CachedBlock once per base URL and links' URLs: their
# pages get the output of the first one.
def cache_partials(env) -> None:
    for partial in patches_of(CachedPartial):
        template = env.get_template(partial.name)
        template.root_render_func = _rendered_once_per_folder(template.root_render_func)
    for cached in patches_of(CachedBlock):
        template = env.get_template(cached.template)
        if cached.block not in template.blocks:
            raise PluginError(f"{WHERE}: {cached.name}: expected a block {cached.block} in {cached.template}, got none: re-check the cached block")
        template.blocks[cached.block] = _block_rendered_once(template.blocks[cached.block], cached)


def _block_rendered_once(render, cached: CachedBlock):
    rendered = {}  # (base URL, the links' URLs) -> output

    def block(context):
        base_url, page, config = context.get("base_url"), context.get("page"), context.get("config")
        links = (*cached.links, *(str(entry) for name in cached.config_links for entry in config.get(name) or ()))
        key = (base_url, *(normalize_url(link, page=page, base=base_url) for link in links))
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    return block


def _rendered_once_per_folder(render):
    rendered = {}  # (navigation, folder, base URL) -> output
    targets = {}  # navigation -> the URLs it links to

    def root_render_func(context):
        nav, page = context.get("nav"), context.get("page")
        if nav is not None and nav not in targets:
            targets.clear()
            targets[nav] = navigation_urls(nav.items)
        folder = folder_outside_navigation(page, targets.get(nav, ()))
        if folder is None:
            yield from render(context)
            return
        key = (folder, context.get("base_url"))
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    return root_render_func


# The URLs of every page and link of the navigation, its sections walked.
def navigation_urls(items) -> tuple[str, ...]:
    urls = []
    for item in items:
        if getattr(item, "children", None) is not None:
            urls += navigation_urls(item.children)
        if getattr(item, "url", None) is not None:
            urls.append(item.url)
    return tuple(urls)


# The folder of a page outside the navigation, or None. A link from such a page to a page of
# the navigation is the same from every page of its folder (`get_relative_url` goes up to
# the folder: only a target at or under the page itself differs); and no item is active.
def folder_outside_navigation(page, navigation_urls) -> str | None:
    if page is None or page.url is None:
        return None
    if any(url.startswith(page.url) for url in navigation_urls):
        return None  # the page itself, or a target under it
    return posixpath.dirname(page.url.rstrip("/"))


# --- After the build: script patches ---


# Apply a patch to a built script, once: a patched file is left as it is.
def apply_patch(script_file: Path, patch: ScriptPatch) -> None:
    script = script_file.read_text(encoding="utf-8")
    if patch.new in script and patch.old not in script:
        return
    if script.count(patch.old) != 1:
        raise PluginError(
            f"{WHERE}: {patch.name}: expected `{patch.old}` once in {script_file.name}, got {script.count(patch.old)} "
            "times: Material's script changed: re-check the patch"
        )
    script_file.write_text(script.replace(patch.old, patch.new), encoding="utf-8")


# Apply every script patch to the built site; each glob must name one file.
def patch_scripts(site_dir: Path) -> None:
    for patch in patches_of(ScriptPatch):
        targets = sorted(site_dir.glob(patch.files))
        if len(targets) != 1:
            raise PluginError(f"{WHERE}: {patch.name}: expected one file {patch.files} in the site, got {len(targets)}")
        apply_patch(targets[0], patch)
