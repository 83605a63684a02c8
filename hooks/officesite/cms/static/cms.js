/* global CMS, h, createClass */
// The news preview in the site's own stylesheets and fonts, with dates as the site shows
// them (Thai in the Buddhist Era). What it needs is on <html>, written by the build
// (officesite/cms/admin.py): the stylesheets and each language's Intl locale.
(function () {
  "use strict";
  var root = document.documentElement;
  // Decap 3.16.3 rejects its save promise with no reason when its validation refuses an entry
  // (the errors are shown beside the fields): that refusal is not an error of the page.
  window.addEventListener("unhandledrejection", function (event) {
    if (event.reason === undefined) event.preventDefault();
  });
  var locales = JSON.parse(root.dataset.previewLocales || "{}");
  var defaultLocale = root.dataset.defaultLocale;
  // A post's date is text (YYYY-MM-DD, held to the schema's pattern), under the widget name
  // "date", which Decap reads an entry's date from: the year folder of {{year}} is the post's.
  var text = CMS.getWidget("string");
  CMS.registerWidget("date", text.control, text.preview);

  // Rules over several values, with the messages the configuration gives (officesite/cms/
  // config.py). Decap 3.16.3 checks one field at a time (`required`, `pattern`) and never an
  // object or a list as a whole: the editor calls an object's or list's validate(), which asks
  // only its children (EditorControlPane.validate, ObjectControl.validate,
  // ListControl.validate). These widgets are Decap's own object and list, with that validate()
  // also reporting the rule's problems on the field itself; errors keep the entry from being
  // saved (persistEntry refuses a draft with fieldsErrors).
  var objectWidget = CMS.getWidget("object");
  var listWidget = CMS.getWidget("list");

  function blank(value) {
    return value === undefined || value === null || !/\S/.test(String(value));
  }

  function problem(message) {
    return { type: "CUSTOM", message: message };
  }

  // A photo (the schema's PHOTO, as photo_alt_rule): once a file is chosen, a description in
  // every language, or "decorative" and no description.
  function photoProblems(value, field, prefix) {
    if (!value || !value.get || blank(value.get("src"))) return [];
    var messages = field.get("photo_messages");
    var alt = value.get("alt");
    var altField = field.get("fields").find(function (f) { return f.get("name") === "alt"; });
    var described = altField.get("fields").filter(function (f) { return alt && !blank(alt.get(f.get("name"))); });
    if (value.get("decorative")) {
      return described.size ? [problem(prefix + messages.get("decorative"))] : [];
    }
    return altField.get("fields").filter(function (f) { return !described.includes(f); }).map(function (f) {
      return problem(prefix + f.get("label") + ": " + messages.get("describe"));
    }).toArray();
  }

  class PhotoControl extends objectWidget.control {
    constructor(props) {
      super(props);
      var children = this.validate;
      this.validate = () => {
        children();
        this.props.onValidateObject(this.props.forID, photoProblems(this.props.value, this.props.field, ""));
      };
    }
  }
  CMS.registerWidget("photo", PhotoControl, objectWidget.preview);

  // A description typed and then deleted stays in the entry as "" (Decap keeps an emptied
  // field), which the build reads as a description that says nothing: dropped before saving,
  // so that a decorative photo has no description at all.
  function withoutBlankDescriptions(value) {
    if (!value || typeof value !== "object" || !value.map) return value;
    if (value.has("src") && value.get("alt") && value.get("alt").filter) {
      var alt = value.get("alt").filter(function (text) { return !blank(text); });
      return alt.size ? value.set("alt", alt) : value.delete("alt");
    }
    return value.map(withoutBlankDescriptions);
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) { return withoutBlankDescriptions(event.entry.get("data")); },
  });

  // A list whose items are checked as a whole, after Decap's own checks of its size.
  function checkedList(itemProblems) {
    return class extends listWidget.control {
      constructor(props) {
        super(props);
        var size = this.validateSize;
        this.validateSize = () => size().concat(itemProblems(this.props));
      }
    };
  }

  CMS.registerWidget("photos", checkedList(function (props) {
    var label = props.field.get("label");
    return (props.value ? props.value.toArray() : []).flatMap(function (photo, index) {
      return photoProblems(photo, props.field, label + " (" + (index + 1) + ") · ");
    });
  }), listWidget.preview);

  // What a BOTH_OR_NEITHER value gives: the keys of a mapping's written texts, the number of a
  // list's; "" when it gives nothing (as the build, officesite.metadata.fields.Presence).
  function shape(value) {
    if (!value || !value.filter) return "";
    var written = value.filter(function (v) { return !blank(v); });
    return written.keySeq ? written.keySeq().sort().join(",") : String(written.size || "");
  }

  // The criteria items: each BOTH_OR_NEITHER field written in every language's file or in
  // none, with the same levels (a mapping's keys) or as many entries (a list's), as the
  // build's check (officesite.metadata.fields.disagreements) says. Read from the whole
  // entry: the other languages are in its i18n data.
  CMS.registerWidget("translated_list", checkedList(function (props) {
    var entry = props.getEntry();
    var path = props.field.get("data_path").split(".");
    var rules = props.field.get("both_or_neither");
    var others = entry.get("i18n") ? entry.get("i18n").valueSeq().toArray() : [];
    var languages = [entry.get("data")].concat(others.map(function (i18n) { return i18n.get("data"); }));
    var lists = languages.map(function (data) { return (data && data.getIn(path)) || null; });
    var first = props.field.get("fields").first().get("name");
    var found = [];
    (lists[0] ? lists[0].toArray() : []).forEach(function (item, index) {
      rules.forEach(function (message, name) {
        var shapes = lists.map(function (list) { var other = list && list.get(index); return shape(other && other.get(name)); });
        if (shapes.some(function (s) { return s !== shapes[0]; })) {
          var label = props.field.get("fields").find(function (f) { return f.get("name") === name; }).get("label");
          found.push(problem(item.get(first) + " · " + label + ": " + message));
        }
      });
    });
    return found;
  }), listWidget.preview);

  (root.dataset.previewStyles || "").split(" ").filter(Boolean).forEach(function (href) {
    CMS.registerPreviewStyle(href);
  });
  // Last: Sarabun with font-display swap (admin.css). The site's faces are optional, and in a
  // preview frame made a moment ago they would often not be used at all.
  CMS.registerPreviewStyle(new URL("admin.css", document.baseURI).pathname);

  // "2026-03-05" -> "5 มีนาคม 2569" (th-u-ca-buddhist) or "5 March 2026".
  function displayDate(value, lang) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ""));
    if (!match) return String(value || "");
    var date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return new Intl.DateTimeFormat(locales[lang] || lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  }

  function photo(props, value) {
    if (!value || !value.get("src")) return null;
    var alt = value.get("alt");
    var lang = props.locale || defaultLocale;
    return h("img", {
      src: props.getAsset(value.get("src")).toString(),
      alt: (alt && (alt.get(lang) || alt.get(defaultLocale))) || "",
      className: "site-preview__photo",
    });
  }

  var NewsPreview = createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var lang = props.locale || defaultLocale;
      var gallery = data.get("gallery");
      return h("article", { className: "md-content__inner md-typeset", lang: lang },
        h("h1", {}, data.get("title")),
        h("p", {}, h("time", { dateTime: data.get("date") }, displayDate(data.get("date"), lang))),
        photo(props, data.get("cover")),
        h("p", {}, data.get("description")),
        props.widgetFor("body"),
        gallery && gallery.size ? h("div", { className: "site-preview__gallery" }, gallery.map(function (item) { return photo(props, item); }).toArray()) : null);
    },
  });
  CMS.registerPreviewTemplate("news", NewsPreview);
  CMS.init();
})();
