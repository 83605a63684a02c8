"""The reader's display settings: text size and contrast, one list for every consumer.

The head script that applies a stored choice before first paint, the toolbar's buttons and
the `<html>` attributes (`data-font-size`, `data-contrast`) all come from DISPLAY_SETTINGS;
the stylesheet display-settings.css styles each value.
"""




# (script name, <html> attribute, label key, ((value, label key), …)); the first value is the default.
DISPLAY_SETTINGS = (
    ("fontSize", "data-font-size", "display_font_size", (
        ("normal", "display_font_normal"),
        ("large", "display_font_large"),
        ("largest", "display_font_largest"),
    )),
    ("contrast", "data-contrast", "display_contrast", (
        ("normal", "display_contrast_normal"),
        ("black-white", "display_contrast_black_white"),
        ("yellow-black", "display_contrast_yellow_black"),
    )),
)


# Add the toolbar's groups and the head script's choices to a template context.
def add_display_settings(context):
    context.update(_DISPLAY_CONTEXT)
    return context


# The toolbar's button groups, in the order they are shown.
def display_setting_groups() -> list[dict]:
    return [
        {"setting": name, "label": label, "options": [{"value": value, "label": option} for value, option in options]}
        for name, _, label, options in DISPLAY_SETTINGS
    ]


# The same for every page: computed once.
_DISPLAY_CONTEXT = {
    "display_setting_groups": display_setting_groups(),
    "display_choices": {name: [value for value, _ in options] for name, _, _, options in DISPLAY_SETTINGS},
    "display_attributes": {name: attribute for name, attribute, _, _ in DISPLAY_SETTINGS},
}
