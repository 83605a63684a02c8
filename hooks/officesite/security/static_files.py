"""Files under docs/ that MkDocs copies to the site as they are: none may bring a script.

A page is Markdown (its scripts are refused, officesite.security.csp) and templates live in
overrides/: an HTML file under docs/ would be published with whatever it holds, outside the
checks, and GitHub Pages serves it with no policy header. An SVG image may hold scripts and
event attributes, which run when it is opened by its address.
"""

import re

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SVG_SCRIPT = re.compile(r"<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:", re.I)


# What is wrong with a file copied as it is, by its name and bytes; None when it may be published.
def static_file_problem(name: str, read_bytes) -> str | None:
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return "expected Markdown pages and assets, got an HTML file: write the page in Markdown (templates live in overrides/)"
    if lower.endswith(".svg"):
        found = SVG_SCRIPT.search(read_bytes().decode("utf-8", "replace"))
        if found:
            return f"expected an SVG image without scripts, got {' '.join(found.group().split())}"
    return None
