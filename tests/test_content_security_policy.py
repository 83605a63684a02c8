"""The CSP allows the templates' inline scripts only: the same policy on every page and in
the nginx header, whatever the content; a script that content brings stops the build."""

import re

from conftest import build_site
from site_files import DEFAULT
from officesite.security.csp import (
    TEMPLATE_SCRIPTS,
    body_script_problem,
    inline_script_hashes,
    policy_text,
    storage_scope,
)

META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def header_policy(site) -> str:
    header = (site.root / ".nginx" / "content-security-policy.conf").read_text(encoding="utf-8")
    assert "add_header Content-Security-Policy $reo13_csp always;" in header
    return re.search(r'set \$reo13_csp "([^"]*)";', header).group(1)


def test_the_header_is_every_pages_meta_policy_plus_frame_ancestors(site):
    header = header_policy(site)
    differing = []
    for path in site.html_files:
        metas = META_POLICY.findall(path.read_text(encoding="utf-8"))
        if metas != [header.removesuffix("; frame-ancestors 'none'")]:
            differing.append(f"{site.url_of(path)}: {metas}")
    assert header.endswith("; frame-ancestors 'none'") and differing == []


def test_the_policy_holds_one_hash_per_template_script_whatever_the_depth(site):
    hashes = re.findall(r"'sha256-[^']+'", header_policy(site))
    assert len(hashes) == len(TEMPLATE_SCRIPTS)
    deepest = max(site.pages, key=lambda page: page.count("/"))
    assert deepest.count("/") >= 4, deepest  # e.g. en/news/2018/pmqa-workshop/
    for page in ("", deepest, "404.html"):
        assert inline_script_hashes(site.file_for(page).read_text(encoding="utf-8")) == sorted(hashes), page


def test_material_keys_its_storage_by_the_sites_root():
    assert storage_scope("http://127.0.0.1:8000/") == "/"
    assert storage_scope("https://example.org/reo13/") == "/reo13/"
    assert storage_scope(None) == "/"


def test_a_body_may_hold_no_script_of_any_kind():
    assert body_script_problem("<p>PM2.5 &lt;script&gt;</p><pre><code>&lt;script&gt;</code></pre>") is None
    for html in ("<SCRIPT>alert(1)</SCRIPT>", '<script src="/assets/x.js"></script>', '<script type="module">x()</script>'):
        assert body_script_problem("<p>text</p>" + html).startswith("expected no <script>"), html


def test_policy_text_puts_hashes_in_script_src_and_keeps_frame_ancestors_for_the_header():
    header, meta = policy_text(["'sha256-b'", "'sha256-a'"]), policy_text(["'sha256-a'"], meta=True)
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in header and header.endswith("frame-ancestors 'none'")
    assert "frame-ancestors" not in meta


def test_a_script_in_a_markdown_body_stops_the_build_naming_the_file(project_copy):
    page = project_copy / "docs" / f"about.{DEFAULT}.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = build_site(project_copy, project_copy / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"docs/about.{DEFAULT}.md: body: expected no <script> (scripts come from the templates), got <script>alert(1)</script>" in result.stderr


def test_an_inline_script_no_template_lists_stops_the_build_naming_the_page(project_copy):
    template = project_copy / "overrides" / "home.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ super() }}", "{{ super() }}<script>var stray = 1</script>", 1), encoding="utf-8")
    result = build_site(project_copy, project_copy / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"docs/index.{DEFAULT}.md (/): inline script: expected only the scripts of the templates in TEMPLATE_SCRIPTS" in result.stderr
    assert "got <script>var stray = 1</script>" in result.stderr


def test_a_script_in_an_html_comment_is_text_nobody_sees():
    assert body_script_problem("<p>a</p><!-- <script>alert(1)</script> --><p>b</p>") is None
    assert body_script_problem("<!--\n<script src=x></script>\n--!>") is None


def test_a_comment_ended_as_browsers_end_it_hides_no_script():
    # "<!-->" is a whole comment for a browser: the script after it runs.
    for html in ("<!--><script>alert(1)</script>-->", "<!---><script>alert(1)</script>", "<!-- a --><script>alert(1)</script>"):
        assert body_script_problem(html) == "expected no <script> (scripts come from the templates), got <script>alert(1)</script>" + html.split("</script>")[1], html
