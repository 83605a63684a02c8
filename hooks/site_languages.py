"""The languages the site is built in, read from static-i18n's configuration."""


# The built languages' codes, the default (served at /) first.
def site_languages(config) -> tuple[str, ...]:
    languages = sorted(config.plugins["i18n"].config.languages, key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in languages if lang.build)
