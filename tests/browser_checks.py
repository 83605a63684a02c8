"""Checks run inside Chromium pages: axe-core, colour contrast, display settings."""

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DISPLAY_KEY = "reo13.display"
FONT_SIZES = ("normal", "large", "largest")
CONTRASTS = ("normal", "black-white", "yellow-black")

# Statements of an async function that wait until a page has settled: two frames (a change
# made in a script's task has been styled) and every running animation or transition
# (Material fades its search and drawer). SETTLED is them as a function for page.evaluate;
# FONTS_SETTLED first loads every face of the site's fonts (or has it refused), not only the
# faces asked for so far: a bold Thai face first used late lays text out again.
SETTLING = """
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));"""
SETTLED = "async () => {" + SETTLING + "\n}"
FONTS_SETTLED = "async () => {\n  await Promise.all([...document.fonts].map(face => face.load().catch(() => null)));" + SETTLING + "\n}"


@cache
def _axe_source() -> str:
    return (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """Run axe-core with the WCAG A/AA tags; one line per violation and node."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')}" for v in result["violations"] for node in v["nodes"]]


def store_display_choice(context, choice: dict) -> None:
    """Make every page of a browser context start with this stored display choice."""
    import json

    context.add_init_script(f"localStorage.setItem({json.dumps(DISPLAY_KEY)}, {json.dumps(json.dumps(choice))})")


def root_display_state(page) -> tuple[str | None, str | None]:
    return tuple(page.evaluate("['data-font-size', 'data-contrast'].map(a => document.documentElement.getAttribute(a))"))


# The contrast ratio of an element's text against the first opaque background behind it.
CONTRAST_RATIO_JS = """
element => {
  const rgba = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let background = null;
  for (let node = element; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour.length < 4 || colour[3] === 1) { background = colour; break; }
  }
  background = background || [255, 255, 255];
  const foreground = rgba(getComputedStyle(element).color);
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
"""
