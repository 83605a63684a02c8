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
