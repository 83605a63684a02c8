"""Templates compiled once per process and kept for the next build (officesite.template_cache),
and compiled again when their source or their autoescaping differs; partials rendered once
per environment and values."""

from pathlib import Path

import jinja2
from officesite.template_cache import RENDERED_ONCE, CompiledTemplates, render_partials_once

ROOT = Path(__file__).resolve().parent.parent


def environment(folder, cache, autoescape=False):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=autoescape)
    env.bytecode_cache = cache
    compiled = []
    compile_source = env.compile
    env.compile = lambda *args, **kwargs: (compiled.append(args[1]), compile_source(*args, **kwargs))[1]
    return env, compiled


def test_a_second_environment_reuses_the_compiled_template(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    first, first_compiled = environment(tmp_path, cache)
    second, second_compiled = environment(tmp_path, cache)
    assert first.get_template("page.html").render(text="<b>") == "<p><b></p>"
    assert second.get_template("page.html").render(text="<b>") == "<p><b></p>"
    assert (first_compiled, second_compiled) == (["page.html"], [])


def test_an_edited_template_or_another_autoescape_is_compiled_again(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    environment(tmp_path, cache)[0].get_template("page.html")
    escaping, compiled = environment(tmp_path, cache, autoescape=True)
    assert escaping.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>" and compiled == ["page.html"]
    template.write_text("<div>{{ text }}</div>", encoding="utf-8")
    edited, compiled = environment(tmp_path, cache)
    assert edited.get_template("page.html").render(text="x") == "<div>x</div>" and compiled == ["page.html"]


def kept_in(folder):
    cache = CompiledTemplates()
    cache.folder = folder
    return cache


def test_the_next_build_takes_the_compiled_template_from_the_folder(tmp_path):
    templates, kept = tmp_path / "templates", tmp_path / "kept"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    first, first_compiled = environment(templates, kept_in(kept))
    first.get_template("page.html")
    (code,) = kept.iterdir()  # a new process: only the folder is shared
    second, second_compiled = environment(templates, kept_in(kept), autoescape=False)
    assert second.get_template("page.html").render(text="<b>") == "<p><b></p>"
    assert (first_compiled, second_compiled) == (["page.html"], [])
    (templates / "page.html").write_text("<div>{{ text }}</div>", encoding="utf-8")
    edited, compiled = environment(templates, kept_in(kept))
    assert edited.get_template("page.html").render(text="x") == "<div>x</div>" and compiled == ["page.html"]
    assert [path.name for path in kept.iterdir()] == [code.name]  # rewritten, no leftover


def test_a_damaged_or_unwritable_folder_costs_only_a_compile(tmp_path):
    templates, kept = tmp_path / "templates", tmp_path / "kept"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    environment(templates, kept_in(kept))[0].get_template("page.html")
    (code,) = kept.iterdir()
    for damage in (code.read_bytes()[:20], b"", b"not a bytecode file at all"):
        code.write_bytes(damage)
        env, compiled = environment(templates, kept_in(kept))
        assert env.get_template("page.html").render(text="x") == "<p>x</p>" and compiled == ["page.html"]
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")  # the folder cannot be made: a file is in the way
    env, compiled = environment(templates, kept_in(a_file / "kept"))
    assert env.get_template("page.html").render(text="x") == "<p>x</p>" and compiled == ["page.html"]


def test_a_partial_rendered_once_renders_once_per_value_it_reads(tmp_path):
    (tmp_path / "partial.html").write_text("<b>{{ count() }} {{ text }} {{ where }}</b>", encoding="utf-8")
    (tmp_path / "page.html").write_text('<p>{% include "partial.html" %}</p>', encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True)
    renders = []
    env.globals["count"] = lambda: renders.append(1) or len(renders)
    render_partials_once(env, {"partial.html": ("where",)})
    page = env.get_template("page.html")
    pages = [page.render(text="<i>", where=where) for where in ("../", "../", "", "../")]
    assert pages == ["<p><b>1 &lt;i&gt; ../</b></p>", "<p><b>1 &lt;i&gt; ../</b></p>", "<p><b>2 &lt;i&gt; </b></p>", "<p><b>1 &lt;i&gt; ../</b></p>"]
    assert len(renders) == 2
    # Another environment (the next language's run) renders it again.
    other = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True)
    other.globals["count"] = env.globals["count"]
    render_partials_once(other, {"partial.html": ("where",)})
    assert other.get_template("page.html").render(text="x", where="../") == "<p><b>3 x ../</b></p>"


def test_the_site_partials_rendered_once_exist_and_read_what_their_hooks_give():
    for name, reads in RENDERED_ONCE.items():
        source = (ROOT / "overrides" / name).read_text(encoding="utf-8")
        assert all(value in source for value in reads), name
    # The search dialog links nothing relative to the page but through the values it reads.
    assert "| url" not in (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
