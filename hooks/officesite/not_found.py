"""One 404 page per language, each carrying both languages' text.

static-i18n writes every language's 404.html to the site root, so the language built last
silently won. Here the default language keeps /404.html and each other language gets its
own /<lang>/404.html, which is what a server needs to answer a miss in each language.
"""

from pathlib import Path


# The absolute path of each language's home page (default language first): a 404 page is
# served at any depth.
def language_homes(languages, base_path: str) -> dict[str, str]:
    base_path = base_path.rstrip("/") + "/"
    return {locale: base_path if index == 0 else f"{base_path}{locale}/" for index, locale in enumerate(languages)}


# Move a language's 404 page to its own folder and put the default language's back.
def keep_language_404(root_page: Path, language_page: Path, default_page: bytes) -> None:
    language_page.parent.mkdir(parents=True, exist_ok=True)
    root_page.replace(language_page)
    root_page.write_bytes(default_page)
