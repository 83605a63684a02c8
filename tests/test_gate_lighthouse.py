"""Lighthouse 12.2.3 (npm, on Debian's Chromium) through nginx: accessibility, best practices
and SEO score 100 on every main page type in both languages. Performance is recorded in the
README, not tested: it depends on the machine."""

from lighthouse_report import lighthouse_scores


ASSERTED = ("accessibility", "best-practices", "seo")


def test_lighthouse_accessibility_best_practices_and_seo_are_100(nginx, tmp_path):
    scores = lighthouse_scores(nginx.url, tmp_path, categories=ASSERTED)
    assert len(scores) == 10
    below = {page: values for page, values in scores.items() if any(values[c] != 100 for c in ASSERTED)}
    assert below == {}
