"""Production serving through nginx with deploy/nginx/: compression, caching, headers, 404s."""

import re
import urllib.error
import urllib.request

import pytest

from content_security_policy import inline_script_hashes
from site_files import language_of


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_carry_the_security_headers(nginx):
    for path in ("", "en/pmqa/calculator/", "assets/stylesheets/site.css", "missing"):
        _, headers, _ = fetch(nginx.url + path)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy
        script_src = re.search(r"script-src ([^;]+)", policy).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_every_inline_script_is_allowed_by_a_hash_in_the_header(nginx, site):
    _, headers, _ = fetch(nginx.url)
    allowed = set(re.search(r"script-src ([^;]+)", headers["Content-Security-Policy"]).group(1).split())
    for html in site.html_files:
        hashes = inline_script_hashes(html.read_text(encoding="utf-8"))
        assert hashes and set(hashes) <= allowed, html


@pytest.mark.parametrize("path", ["", "assets/stylesheets/site.css", "assets/javascripts/display-settings.js", "search/search_index.json", "news/rss.xml"])
def test_text_is_served_gzipped(nginx, path):
    status, headers, _ = fetch(nginx.url + path, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"


def test_text_is_served_with_brotli_when_the_module_is_installed(nginx):
    if not nginx.brotli:
        pytest.skip("Debian's libnginx-mod-http-brotli-filter is not installed (scripts/setup.sh installs it)")
    _, headers, _ = fetch(nginx.url + "assets/stylesheets/site.css", **{"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br"


def test_fingerprinted_assets_are_immutable_and_pages_revalidate(nginx, site):
    bundle = next(site.root.glob("assets/javascripts/bundle.*.min.js")).relative_to(site.root).as_posix()
    assert fetch(nginx.url + bundle)[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert fetch(nginx.url + "assets/stylesheets/site.css")[1]["Cache-Control"] == "public, max-age=3600"
    for page in ("", "en/news/", "news/rss.xml"):
        assert fetch(nginx.url + page)[1]["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path, lang", [("no/such/page/", "th"), ("en/no/such/page/", "en")])
def test_a_miss_gets_the_404_page_of_its_language(nginx, path, lang):
    status, _, body = fetch(nginx.url + path)
    assert status == 404
    assert f'<html lang="{lang}"' in body.decode("utf-8")
    assert language_of(path) == lang


def test_build_by_products_are_not_served(nginx):
    assert fetch(nginx.url + ".nginx/content-security-policy.conf")[0] == 404
