"""Production serving through nginx with deploy/nginx/: compression, caching, headers, 404s,
/.well-known/ and security.txt, and the TLS example (reo13.conf) with HSTS."""

import re
import shutil
import ssl
import subprocess
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest
from conftest import ROOT
from nginx_server import NginxServer
from office_file import set_office_facts
from officesite.security.csp import inline_script_hashes
from site_copy import copy_site
from site_files import LANGUAGES, OTHER, BuiltSite, language_of

OTHER_PREFIX = LANGUAGES.prefix(OTHER)  # the English pages: deploy/nginx/server.conf names their folder

DEPLOY = ROOT / "deploy" / "nginx"
ONE_YEAR = 365 * 24 * 3600
SECURITY_CONTACT = "security@example.org"
PUBLIC_URL = "https://reo13.example.org/"
ACME_TOKEN = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0"


def fetch(url, context=None, **headers):
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect)
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_pages_carry_the_security_headers(nginx):
    for path in ("", OTHER_PREFIX + "pmqa/calculator/", "assets/stylesheets/site.css", "missing"):
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


@pytest.mark.parametrize("path", ["", "assets/stylesheets/site.css", "assets/javascripts/display-settings.js", "search/pages-0.json", "news/rss.xml"])
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
    for page in ("", OTHER_PREFIX + "news/", "news/rss.xml"):
        assert fetch(nginx.url + page)[1]["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path, lang", [(LANGUAGES.path("no/such/page/", lang), lang) for lang in LANGUAGES.codes])
def test_a_miss_gets_the_404_page_of_its_language(nginx, path, lang):
    status, _, body = fetch(nginx.url + path)
    assert status == 404
    assert f'<html lang="{lang}"' in body.decode("utf-8")
    assert language_of(path) == lang


def test_build_by_products_are_not_served(nginx):
    assert fetch(nginx.url + ".nginx/content-security-policy.conf")[0] == 404


@pytest.mark.parametrize(
    "path, not_found_page",
    [("assets/", "404.html"), ("assets/javascripts/", "404.html"), ("search/", "404.html"), (OTHER_PREFIX + "search/", OTHER_PREFIX + "404.html"), (OTHER_PREFIX + "assets/", OTHER_PREFIX + "404.html")],
)
def test_a_folder_without_an_index_gets_the_404_page_not_nginx_403(nginx, site, path, not_found_page):
    status, _, body = fetch(nginx.url + path)
    assert status == 404
    assert body == (site.root / not_found_page).read_bytes()


def test_no_security_txt_without_a_configured_contact(nginx, site):
    assert not (site.root / ".well-known" / "security.txt").exists()
    assert fetch(nginx.url + ".well-known/security.txt")[0] == 404


# The site built with a security contact and its public https address, an ACME challenge
# token placed as certbot --webroot would, and dot files that must stay unserved.
@pytest.fixture(scope="module")
def secured_site(tmp_path_factory, site_builder) -> BuiltSite:
    project = copy_site(tmp_path_factory.mktemp("secured") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]'
    assert line in text
    config.write_text(text.replace(line, f"site_url: {PUBLIC_URL}"), encoding="utf-8")
    set_office_facts(project, security_contact=SECURITY_CONTACT)
    result = site_builder(project, project.parent / "site")
    assert result.returncode == 0, result.stderr
    root = project.parent / "site"
    (root / ".well-known" / "acme-challenge").mkdir(parents=True)
    (root / ".well-known" / "acme-challenge" / ACME_TOKEN).write_text(f"{ACME_TOKEN}.thumbprint", encoding="ascii")
    (root / ".well-known" / "acme-challenge" / ".secret").write_text("not public", encoding="ascii")
    (root / ".well-known" / ".htpasswd").write_text("not public", encoding="ascii")
    return BuiltSite(root, PUBLIC_URL)


@pytest.fixture(scope="module")
def secured_nginx(secured_site, tmp_path_factory):
    server = NginxServer(secured_site.root, tmp_path_factory.mktemp("nginx-secured"))
    yield server
    server.stop()


def test_security_txt_is_served_with_contact_expiry_languages_and_canonical(secured_nginx):
    status, headers, body = fetch(secured_nginx.url + ".well-known/security.txt")
    assert status == 200
    assert headers["Content-Type"] == "text/plain; charset=utf-8"  # RFC 9116 section 3
    fields = dict(line.split(": ", 1) for line in body.decode("utf-8").splitlines())
    assert fields.keys() == {"Contact", "Expires", "Preferred-Languages", "Canonical"}
    assert fields["Contact"] == f"mailto:{SECURITY_CONTACT}"
    assert fields["Preferred-Languages"] == "th, en"
    assert fields["Canonical"] == f"{PUBLIC_URL}.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    assert now + timedelta(days=300) < expires < now + timedelta(days=365)


def test_security_txt_is_written_once_at_the_site_root(secured_site):
    assert [p.relative_to(secured_site.root).as_posix() for p in secured_site.root.rglob("security.txt")] == [".well-known/security.txt"]


def test_an_acme_challenge_is_served(secured_nginx):
    status, _, body = fetch(secured_nginx.url + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200 and body == f"{ACME_TOKEN}.thumbprint".encode()


@pytest.mark.parametrize("path", [".well-known/acme-challenge/.secret", ".well-known/.htpasswd", ".well-known/", ".nginx/", ".nginx/content-security-policy.conf"])
def test_dot_files_and_folders_other_than_well_known_files_are_not_served(secured_nginx, secured_site, path):
    status, _, body = fetch(secured_nginx.url + path)
    assert status == 404
    assert body == (secured_site.root / "404.html").read_bytes()


# -----------------------------------------------------------------------------
# The TLS example, deploy/nginx/reo13.conf
# -----------------------------------------------------------------------------


# nginx configuration as nested (directive, arguments, block or None); enough for this
# repository's files (no quoted braces or semicolons, no # inside values).
def parse_nginx(text: str) -> list:
    tokens = re.findall(r'"[^"]*"|[{};]|[^\s{};]+', re.sub(r"#[^\n]*", "", text))
    entries, _ = _parse_block(tokens, 0)
    return entries


def _parse_block(tokens, i):
    entries, words = [], []
    while i < len(tokens):
        token, i = tokens[i], i + 1
        if token == ";":
            entries.append((words[0], words[1:], None))
            words = []
        elif token == "{":
            block, i = _parse_block(tokens, i)
            entries.append((words[0], words[1:], block))
            words = []
        elif token == "}":
            return entries, i
        else:
            words.append(token.strip('"'))
    return entries, i


# A block with the repository's deploy/nginx/ files it includes read in place.
def with_includes(block: list) -> list:
    expanded = []
    for name, args, children in block:
        if name == "include" and args[0].startswith("/etc/nginx/reo13/"):
            expanded += with_includes(parse_nginx((DEPLOY / args[0].rsplit("/", 1)[1]).read_text(encoding="utf-8")))
        else:
            expanded.append((name, args, with_includes(children) if children else children))
    return expanded


def example_servers():
    servers = [children for name, _, children in parse_nginx((DEPLOY / "reo13.conf").read_text(encoding="utf-8")) if name == "server"]
    https = [server for server in servers if any(name == "listen" and "ssl" in args for name, args, _ in server)]
    plain = [server for server in servers if server not in https]
    assert len(https) == 1 and len(plain) == 1
    return with_includes(plain[0]), with_includes(https[0])


def locations(block: list):
    for name, args, children in block:
        if children is not None:
            if name == "location":
                yield args, children
            yield from locations(children)


def test_the_tls_example_sends_hsts_for_a_year_on_every_response():
    _, https = example_servers()
    hsts = [args for name, args, _ in https if name == "add_header" and args[0] == "Strict-Transport-Security"]
    assert len(hsts) == 1 and hsts[0][-1] == "always"
    max_age = int(re.fullmatch(r"max-age=(\d+)(; includeSubDomains)?", hsts[0][1]).group(1))
    assert max_age >= ONE_YEAR
    # A location with an add_header of its own would drop the server's, HSTS included.
    assert all(name != "add_header" for _, children in locations(https) for name, _, _ in children)


def test_the_plain_http_example_redirects_all_but_acme_challenges():
    plain, _ = example_servers()
    assert not any(name == "add_header" for name, _, _ in plain)
    routes = {" ".join(args): children for args, children in locations(plain)}
    assert routes["/"] == [("return", ["301", "https://$host$request_uri"], None)]
    assert set(routes) == {"/", "^~ /.well-known/acme-challenge/"}


@pytest.fixture(scope="module")
def tls_nginx(secured_site, tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed: no certificate to serve HTTPS with")
    work = tmp_path_factory.mktemp("nginx-tls")
    certificate, key = work / "certificate.pem", work / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = NginxServer.production_example(secured_site.root, work / "nginx", certificate, key)
    server.tls_context = ssl.create_default_context(cafile=str(certificate))
    yield server
    server.stop()


@pytest.mark.parametrize("path", ["", OTHER_PREFIX + "news/", "assets/stylesheets/site.css", "no/such/page/", "assets/", ".well-known/security.txt"])
def test_https_responses_carry_hsts_and_the_security_headers(tls_nginx, path):
    status, headers, _ = fetch(tls_nginx.url + path, context=tls_nginx.tls_context)
    assert status in (200, 404)
    max_age = int(re.match(r"max-age=(\d+)", headers["Strict-Transport-Security"]).group(1))
    assert max_age >= ONE_YEAR
    assert headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_plain_http_redirects_to_https_but_answers_acme_challenges(tls_nginx):
    status, headers, _ = fetch(tls_nginx.http_url + OTHER_PREFIX + "news/?page=2")
    assert status == 301 and headers["Location"] == "https://127.0.0.1/" + OTHER_PREFIX + "news/?page=2"
    assert "Strict-Transport-Security" not in headers
    status, _, body = fetch(tls_nginx.http_url + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200 and body == f"{ACME_TOKEN}.thumbprint".encode()
