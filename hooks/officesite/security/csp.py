"""Content-Security-Policy that allows the templates' inline scripts, and nothing content brings.

No `'unsafe-inline'` for scripts: each inline script is allowed by the SHA-256 of its text,
and the set of hashes comes from the templates, not from the pages:
- TEMPLATE_SCRIPTS lists the templates that write inline scripts (Material's and the
  project's); their scripts are rendered once per build, before any page is written, and
  their hashes are the policy. They must render the same for every page: Material's head
  script does, because on_config sets its `extra.scope` to the site's root path (by
  default it holds the page's relative base URL: a different script at every depth).
- Every page (the 404 pages too) is checked: an inline script that is not one of these
  stops the build, naming the page's file. A `<script>` written in a Markdown body stops
  it earlier, naming the file and the body.
- Each page carries the policy in a `<meta http-equiv>` (works on any static host);
  `frame-ancestors` cannot be set that way and comes with the header. After the build,
  `.nginx/content-security-policy.conf` holds the header for `deploy/nginx/server.conf`:
  it changes only when the templates do, never when a post or page is added.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material draws icons with data: SVGs in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
HEADER_ONLY = {"frame-ancestors"}  # ignored, with a console error, in a <meta> policy
HEADER_FILE = ".nginx/content-security-policy.conf"
# The templates that write inline scripts, each rendered in a page's context. A template
# that adds one must be listed here, or the build stops at the first page showing it.
TEMPLATE_SCRIPTS = (
    "partials/javascripts/base.html",  # Material: __md_scope, __md_get, __md_set
    "partials/javascripts/content.html",  # Material: opens a content tab named by the URL
    "partials/display-settings-head.html",  # the project: display settings before first paint
)
# Inline scripts that run: no src, and no data type such as application/json or ld+json.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script\s*>", re.S | re.I
)
ANY_SCRIPT = re.compile(r"<script\b[^>]*>", re.I)
# A comment as browsers end it: "<!-->" and "<!--->" end at once, others at the first "-->"
# or "--!>", an unclosed one at the end of the text.
HTML_COMMENT = re.compile(r"<!--(?:>|->|.*?(?:--!?>|\Z))", re.S)
META_ANCHOR = '<meta charset="utf-8">'


@dataclass
class PolicyState:
    """The policy during one build (officesite.build): the Jinja environment of the language
    being built, and the template scripts' hashes, the same in every language."""

    env: object = None
    hashes: frozenset | None = None
    language_hashes: frozenset | None = None  # this language's, once its first page rendered them

    # A new language's run: its templates render again.
    def start_language(self, env) -> None:
        self.env, self.language_hashes = env, None


# The first page of each language's build renders TEMPLATE_SCRIPTS; every language must
# get the same scripts, so that every page's policy is the site's.
def remember_template_scripts(state: PolicyState, context) -> None:
    if state.language_hashes is not None:
        return
    hashes = template_script_hashes(state.env, context)
    if state.hashes is not None and state.hashes != hashes:
        raise PluginError(
            "content_security_policy: the templates' inline scripts differ between languages "
            f"(expected {sorted(state.hashes)}, got {sorted(hashes)}): keep them free of "
            "language-dependent values"
        )
    state.hashes = state.language_hashes = hashes


# The hashes of the inline scripts that TEMPLATE_SCRIPTS write in a page's context.
def template_script_hashes(env, context) -> frozenset[str]:
    theme = context["config"].theme
    values = {"features": theme["features"] if "features" in theme else [], **context}  # as base.html sets it
    return frozenset(script_hash for name in TEMPLATE_SCRIPTS for script_hash in inline_script_hashes(env.get_template(name).render(values)))


# The path Material's scripts key their browser storage by: the site's root, the same for
# every page (both languages share Material's stored choices, as they share the display
# settings).
def storage_scope(site_url: str | None) -> str:
    return urlsplit(site_url or "/").path or "/"


# A page with the site's policy in a <meta> tag, after checking that every inline script of
# the page is one of the templates'.
def checked_with_policy(html: str, where: str, hashes) -> str:
    unknown = [body for body in INLINE_SCRIPT.findall(html) if script_hash(body) not in hashes]
    if unknown:
        raise PluginError(
            f"{where}: inline script: expected only the scripts of the templates in TEMPLATE_SCRIPTS "
            f"(officesite/security/csp.py), got <script>{_excerpt(unknown[0])}</script>"
        )
    if META_ANCHOR not in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_text(hashes, meta=True)}">'
    return html.replace(META_ANCHOR, META_ANCHOR + "\n  " + meta, 1)


# What is wrong with the HTML of a Markdown body, or None: it may not hold a script (an HTML
# comment is not read: `<!-- <script> -->` is text nobody sees).
def body_script_problem(html: str) -> str | None:
    shown = HTML_COMMENT.sub("", html)
    match = ANY_SCRIPT.search(shown)
    if match is None:
        return None
    return f"expected no <script> (scripts come from the templates), got {_excerpt(shown[match.start():])}"


# CSP source expressions ('sha256-…') of the inline scripts of a page.
def inline_script_hashes(html: str) -> list[str]:
    return sorted({script_hash(body) for body in INLINE_SCRIPT.findall(html)})


# Every page carries the same few scripts: each is hashed once.
@lru_cache(maxsize=64)
def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


# The policy as one header value; for a <meta> tag without the header-only directives.
def policy_text(script_hashes, meta: bool = False) -> str:
    return _policy_text(frozenset(script_hashes), meta)


@lru_cache(maxsize=8)  # every page of a build carries the same policy
def _policy_text(script_hashes: frozenset, meta: bool) -> str:
    directives = []
    for name, sources in POLICY.items():
        if meta and name in HEADER_ONLY:
            continue
        values = sources + (sorted(script_hashes) if name == "script-src" else [])
        directives.append(f"{name} {' '.join(values)}")
    return "; ".join(directives)


# The header for nginx, through a variable: the web editor's own file, included after this
# one, sets another policy for /admin/ (officesite.cms.admin).
def nginx_header(policy: str) -> str:
    return (
        "# Generated by hooks/content_security_policy.py at build time: do not edit.\n"
        f'set $reo13_csp "{policy}";\n'
        "add_header Content-Security-Policy $reo13_csp always;\n"
    )


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
