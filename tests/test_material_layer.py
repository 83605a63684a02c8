"""Material's internals are one layer (hooks/officesite/material.py): each patch is checked
against the installed, pristine Material files, so a new Material version fails here in
seconds naming the patch; the build refuses another Material than the pinned one."""

import re
import shutil

import pytest
from conftest import ROOT, build_site
from mkdocs.exceptions import PluginError
from mkdocs.theme import Theme
from officesite.material import (
    PATCHES,
    CachedBlock,
    CachedPartial,
    MarkupFix,
    PartialCopy,
    PartialReplaced,
    Reliance,
    ScriptPatch,
    TemplateEdit,
    apply_patch,
    cache_partials,
    changed_partial_problems,
    copied_partial,
    fixed_markup,
    installed_version,
    material_edit,
    material_templates,
    patches_of,
    pinned_version,
    reliance_problems,
    sha256_of,
    version_problem,
)
from officesite.thai_breaks import thai_breaks
from officesite.security.csp import TEMPLATE_SCRIPTS

TEMPLATES = material_templates()


def names(kind) -> list[str]:
    return [patch.name for patch in patches_of(kind)]


def patch_named(name: str):
    return next(patch for patch in PATCHES if patch.name == name)


# Material's base.html block rendered as MkDocs renders it, in a minimal page context.
def rendered_block(block: str, extra_javascript=("assets/javascripts/site.js",)) -> str:
    template = Theme(name="material").get_env().get_template("base.html")

    class Lang:
        def t(self, key):
            return key

    config = {"extra": {}, "plugins": {}, "extra_javascript": list(extra_javascript), "theme": {}}
    context = template.new_context({"config": config, "page": None, "features": [], "base_url": "../..", "lang": Lang()})
    return "".join(template.blocks[block](context))


# --- The pin ---


def test_the_installed_material_is_the_version_pinned_in_requirements_txt():
    assert pinned_version(ROOT / "requirements.txt") == installed_version()


def test_the_pin_is_one_line_of_requirements_txt(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("mkdocs==1.6.1\nmkdocs-material==9.9.1\nmkdocs-material-extensions==1.3.1\n", encoding="utf-8")
    assert pinned_version(requirements) == "9.9.1"
    requirements.write_text("mkdocs==1.6.1\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^requirements.txt: mkdocs-material: expected one line `mkdocs-material==<version>`.*got 0$"):
        pinned_version(requirements)
    with pytest.raises(PluginError, match="got no file"):
        pinned_version(tmp_path / "missing.txt")


def test_another_installed_version_is_one_line_saying_what_the_patches_were_checked_against():
    assert version_problem("9.8.2", "9.8.2") is None
    problem = version_problem("9.8.2", "9.9.0")
    assert problem.startswith("requirements.txt: mkdocs-material: expected 9.8.2, the version Material's patches (hooks/officesite/material.py)")
    assert "got 9.9.0 installed: run `.venv/bin/pip install -r requirements.txt`" in problem and "\n" not in problem


def test_a_build_with_another_material_than_the_pin_stops_at_start_up(project_copy):
    requirements = project_copy / "requirements.txt"
    requirements.write_text(re.sub(r"(?m)^mkdocs-material==\S+$", "mkdocs-material==9.0.0", requirements.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_site(project_copy, project_copy / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"requirements.txt: mkdocs-material: expected 9.0.0, the version Material's patches (hooks/officesite/material.py) were checked against, got {installed_version()} installed" in result.stderr
    assert not (project_copy / "out" / "index.html").exists()


# --- Each patch against the pristine Material files ---


def test_the_list_holds_every_kind_of_patch_each_once_by_name():
    assert len({(type(patch), patch.name) for patch in PATCHES}) == len(PATCHES)
    assert all(names(kind) for kind in (PartialCopy, PartialReplaced, CachedPartial, CachedBlock, TemplateEdit, MarkupFix, ScriptPatch, Reliance))


def test_what_other_modules_rely_on_is_in_materials_templates():
    assert reliance_problems(TEMPLATES) == []


def test_a_reliance_material_no_longer_meets_is_named_with_the_module_to_recheck(tmp_path):
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    reliance = patch_named("copyright printed as it is")
    path = tmp_path / "templates" / reliance.template
    path.write_text(path.read_text(encoding="utf-8").replace(reliance.text, "{{ config.copyright | e }}"), encoding="utf-8")
    assert reliance_problems(tmp_path / "templates") == [
        f"hooks/officesite/material.py: copyright printed as it is: expected `{reliance.text}` in Material's partials/copyright.html, "
        "got a file without it: re-check officesite/security/escaping.py (CONFIG_TEXTS)"
    ]


def test_the_csp_hashes_the_scripts_of_the_templates_material_is_relied_on_for():
    relied = {reliance.template for reliance in patches_of(Reliance) if "TEMPLATE_SCRIPTS" in reliance.used_by}
    assert relied == {name for name in TEMPLATE_SCRIPTS if (TEMPLATES / name).is_file()}


@pytest.mark.parametrize("name", names(ScriptPatch))
def test_a_script_patch_finds_its_text_once_in_materials_script(name, tmp_path):
    patch = patch_named(name)
    scripts = sorted(TEMPLATES.glob(patch.files))
    assert len(scripts) == 1, patch.files
    assert scripts[0].read_text(encoding="utf-8").count(patch.old) == 1
    copy = shutil.copy(scripts[0], tmp_path / scripts[0].name)
    apply_patch(copy, patch)
    apply_patch(copy, patch)  # once per language build: a patched file is left as it is
    patched = copy.read_text(encoding="utf-8")
    assert patch.old not in patched and patched.count(patch.new) == 1


def test_a_script_without_the_text_stops_the_build_naming_the_patch(tmp_path):
    script = tmp_path / "bundle.0.min.js"
    script.write_text("var changed=1;", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^hooks/officesite/material.py: alternate sitemap lookup: expected `ui\(\{document\$:ct\}\);` once in bundle.0.min.js, got 0 times"):
        apply_patch(script, patch_named("alternate sitemap lookup"))


@pytest.mark.parametrize("name", names(PartialCopy))
def test_a_copied_partial_is_the_pristine_material_file_with_its_edits(name):
    copy = patch_named(name)
    assert sha256_of(TEMPLATES / name) == copy.sha256, f"Material's {name} changed: copy it again"
    pristine = (TEMPLATES / name).read_text(encoding="utf-8")
    assert (ROOT / "overrides" / name).read_text(encoding="utf-8") == copied_partial(copy, pristine)


def test_a_changed_material_partial_is_named(tmp_path):
    for partial in patches_of((PartialCopy, PartialReplaced, CachedPartial, CachedBlock)):
        template = getattr(partial, "template", partial.name)
        (tmp_path / template).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(TEMPLATES / template, tmp_path / template)
    assert changed_partial_problems(tmp_path) == []
    (tmp_path / "partials" / "nav-item.html").write_text("<div>changed</div>", encoding="utf-8")
    (tmp_path / "partials" / "search.html").write_text("<div>changed</div>", encoding="utf-8")
    copied, replaced = sorted(changed_partial_problems(tmp_path))
    assert copied.startswith("hooks/officesite/material.py: partials/nav-item.html: expected Material's file with SHA-256 8989520")
    assert copied.endswith("copy it again into overrides/partials/nav-item.html with the listed edits, then record its hash")
    assert replaced.startswith("hooks/officesite/material.py: partials/search.html: expected Material's file with SHA-256 bfd5565")
    assert "check that overrides/partials/search.html still keeps the markup" in replaced
    for name in ("nav-item.html", "search.html"):
        shutil.copy(TEMPLATES / "partials" / name, tmp_path / "partials" / name)
    # nav.html is both copied (with edits) and cached: a change names both checks
    (tmp_path / "partials" / "nav.html").write_text("<nav>{{ page.title }}</nav>", encoding="utf-8")
    problems = changed_partial_problems(tmp_path)
    assert len(problems) == 2 and all(problem.startswith("hooks/officesite/material.py: partials/nav.html: expected Material's file with SHA-256 af33f6e") for problem in problems)
    assert any(problem.endswith("check again that it reads nothing else of the page than the navigation's state and its folder, then record its hash") for problem in problems)
    with pytest.raises(PluginError, match=r"partials/nav-item.html: edit .* expected once in Material's file, got 0 times"):
        copied_partial(patch_named("partials/nav-item.html"), "{#-\n  This file was automatically generated - do not edit\n-#}\n<div>changed</div>")


@pytest.mark.parametrize("name", names(PartialReplaced))
def test_a_replaced_partial_is_recorded_at_the_pinned_version(name):
    assert sha256_of(TEMPLATES / name) == patch_named(name).sha256, f"Material's {name} changed: check the site's own"


def test_the_sites_search_keeps_materials_toggle_and_never_starts_materials_search():
    own = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    pristine = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    for kept in ('class="md-search__overlay" for="__search"', 'class="md-search__input"', 'class="md-search-result__list"'):
        assert kept in own and kept in pristine, kept
    # Material mounts its search on data-md-component="search" and fetches its index for a form named "search".
    markup = re.sub(r"\{#.*?#\}", "", own, flags=re.S)
    assert "data-md-component" not in markup and 'name="search"' not in markup


@pytest.mark.parametrize("name", names(MarkupFix))
def test_a_markup_fix_is_text_of_materials_base_html_outside_any_block(name):
    fix = patch_named(name)
    base = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert base.count(fix.old) == 1
    before = base[: base.index(fix.old)]
    open_blocks = len(re.findall(r"\{%-?\s*block\s", before)) - len(re.findall(r"\{%-?\s*endblock\b", before))
    assert open_blocks == 0, "now inside a block: override the block instead of fixing every page"


def test_a_page_without_a_markup_fix_text_stops_the_build_naming_fix_and_page():
    page = "".join(fix.old for fix in patches_of(MarkupFix))
    assert fixed_markup(page, "about/index.html") == "".join(fix.new for fix in patches_of(MarkupFix))
    with pytest.raises(PluginError, match=r"^hooks/officesite/material.py: drawer toggle without autocomplete: expected `.*` once in every page, got 0 times in about/index.html"):
        fixed_markup("<body></body>", "about/index.html")
    with pytest.raises(PluginError, match="got 2 times in 404.html"):
        fixed_markup(page + page, "404.html")


def test_the_bundle_edit_defers_materials_bundle_only():
    scripts = rendered_block("scripts")
    edited = material_edit(scripts, "deferred bundle")
    assert re.search(r'<script src="\.\./\.\./assets/javascripts/bundle\.[0-9a-f]+\.min\.js" defer></script>', edited)
    assert '<script src="../../assets/javascripts/site.js"></script>' in edited
    with pytest.raises(PluginError, match=r"deferred bundle: expected `\.min\.js\"></script>` once in Material's block output, got 2 times"):
        material_edit(rendered_block("scripts", ["assets/javascripts/other.min.js"]), "deferred bundle")
    with pytest.raises(PluginError, match=r"material_edit: expected one of .*, got 'unknown'"):
        material_edit(scripts, "unknown")


def test_main_html_uses_each_template_edit_once():
    used = re.findall(r'material_edit\("([^"]+)"', (ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    assert sorted(used) == sorted(names(TemplateEdit))


# --- The built site carries every patch ---


def test_every_built_page_carries_the_markup_patches(site):
    wrong = []
    for path in site.html_files:
        html = path.read_text(encoding="utf-8")
        dialog = re.search(r'<div class="md-search" role="dialog" aria-label="([^"]+)"', html)
        search_box = re.search(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]+)"', html)
        if not (dialog and search_box and dialog.group(1) == search_box.group(1)):
            wrong.append(f"{site.url_of(path)}: search dialog without the search box's name")
        if re.search(r'<input class="md-toggle"[^>]*autocomplete', html) or 'tabindex=""' in html:
            wrong.append(f"{site.url_of(path)}: autocomplete on a toggle or an empty tabindex")
        if len(re.findall(r'bundle\.[0-9a-f]+\.min\.js" defer></script>', html)) != 1:
            wrong.append(f"{site.url_of(path)}: Material's bundle not deferred")
    assert wrong == []


def test_the_built_scripts_carry_every_script_patch(site):
    for patch in patches_of(ScriptPatch):
        (script,) = site.root.glob(patch.files)
        text = script.read_text(encoding="utf-8")
        assert patch.old not in text and text.count(patch.new) == 1, patch.name


# --- Cached partials: the same output as a render for every page ---


@pytest.mark.parametrize("name", names(CachedPartial))
def test_a_cached_partial_is_the_material_file_it_was_checked_against(name):
    assert sha256_of(TEMPLATES / name) == patch_named(name).sha256, f"Material's {name} changed: check again what it reads of the page"


# A small site's navigation (two pages and a section) and pages outside it, as MkDocs makes them.
def small_site(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Navigation, Section
    from mkdocs.structure.pages import Page

    config = MkDocsConfig()
    config.load_dict({"site_name": "Site", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    page = lambda title, src: Page(title, File(src, config["docs_dir"], config["site_dir"], True), config)  # noqa: E731
    home, about, news = page("Home", "index.md"), page("About", "about.md"), page("News", "news/index.md")
    section = Section("Section", [news])
    news.parent = section
    nav = Navigation([home, about, section], [home, about, news])
    outside = [page(f"Post {n}", src) for n, src in enumerate(["news/2018/a.md", "news/2018/b.md", "news/2019/c.md", "news/archive/2018.md", "contact.md"])]
    return config, nav, [home, about, news], outside


def test_a_cached_partial_renders_each_page_as_material_does(tmp_path):
    from officesite.security.escaping import autoescape_for, project_templates

    config, nav, in_nav, outside = small_site(tmp_path)
    theme_config = {"site_name": "Site", "extra": {}, "theme": {"icon": {}}}

    class Lang:
        def t(self, key):
            return key

    def render_all(cached: bool) -> dict:
        env = Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()
        env.autoescape = autoescape_for(project_templates(ROOT / "overrides"))
        env.filters["thai_breaks"] = thai_breaks
        renders = []
        template = env.get_template("partials/nav.html")
        render = template.root_render_func
        template.root_render_func = lambda context: (renders.append(1), (yield from render(context)))[1]
        if cached:
            cache_partials(env)  # over the counting render
        output = {}
        for page in in_nav + outside:
            page.active = page in in_nav  # each page in the navigation marks itself (and its section) active
            base_url = "../" * page.url.count("/") or "."
            context = template.new_context({"config": theme_config, "nav": nav, "page": page, "base_url": base_url.rstrip("/"), "features": [], "lang": Lang()})
            output[page.url] = "".join(template.root_render_func(context))
            page.active = False
        return output, len(renders)

    rendered, renders = render_all(cached=False)
    cached, cached_renders = render_all(cached=True)
    assert cached == rendered
    assert rendered["news/2018/a/"] == rendered["news/2018/b/"] != rendered["contact/"]
    assert 'md-nav__link--active' in rendered["about/"] and 'md-nav__link--active' not in rendered["news/2018/a/"]
    # once for each page of the navigation, once for each folder of the others: news/2018/, news/2019/, news/archive/, the root
    assert (renders, cached_renders) == (8, 3 + 4)


@pytest.mark.parametrize("name", names(CachedBlock))
def test_a_cached_block_is_in_the_material_file_it_was_checked_against(name):
    block = patch_named(name)
    assert sha256_of(TEMPLATES / block.template) == block.sha256, f"Material's {block.template} changed: check again what its block {block.block} reads of the page"
    text = (TEMPLATES / block.template).read_text(encoding="utf-8")
    assert f"{{% block {block.block} %}}" in text
    assert all(f'"{link}" | url' in text or f"'{link}' | url" in text for link in block.links)
    assert all(f"config.{name}" in text for name in block.config_links)


def test_a_cached_block_renders_each_page_as_material_does(tmp_path):
    config, nav, in_nav, outside = small_site(tmp_path)
    scripts = ["assets/javascripts/a.js", "assets/javascripts/b.js"]
    theme_config = {"site_name": "Site", "extra": {}, "plugins": {}, "theme": {"icon": {}}, "extra_javascript": scripts}

    class Lang:
        def t(self, key):
            return f"text of {key}"

    def render_all(cached: bool) -> tuple[dict, int]:
        env = Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env()
        env.filters["thai_breaks"] = thai_breaks
        renders = []
        for block in patches_of(CachedBlock):
            template = env.get_template(block.template)
            render = template.blocks[block.block]
            template.blocks[block.block] = lambda context, render=render: (renders.append(1), (yield from render(context)))[1]
        if cached:
            cache_partials(env)  # over the counting render
        output = {}
        for page in in_nav + outside:
            base_url = ("../" * page.url.count("/") or ".").rstrip("/")
            for block in patches_of(CachedBlock):
                template = env.get_template(block.template)
                context = template.new_context({"config": theme_config, "nav": nav, "page": page, "base_url": base_url, "features": [], "lang": Lang()})
                output[page.url, block.block] = "".join(template.blocks[block.block](context))
        return output, len(renders)

    rendered, renders = render_all(cached=False)
    cached, cached_renders = render_all(cached=True)
    assert cached == rendered
    assert "text of search.result.none" in rendered["news/2018/a/", "config"] and '"base": "../../.."' in rendered["news/2018/a/", "config"]
    assert '<script src="../../../assets/javascripts/b.js"></script>' in rendered["news/2018/a/", "scripts"]
    for block in ("config", "scripts"):
        assert rendered["news/2018/a/", block] == rendered["news/2019/c/", block] != rendered["about/", block]
    # each block once per base URL: the pages at the root, one folder deep and three deep
    assert (renders, cached_renders) == (2 * 8, 2 * 3)
