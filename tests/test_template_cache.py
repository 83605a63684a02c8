"""Templates compiled once per process (officesite.template_cache), and again when their
source or their autoescaping differs."""

import jinja2
from officesite.template_cache import CompiledTemplates


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
