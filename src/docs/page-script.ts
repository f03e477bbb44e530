import { CONTEXT_FUNCTION, FROM_CONTEXT_WORDS } from "./dictionary-text";

/**
 * The events dictionary page's script, inlined. It reads the events from the page's JSON block and
 * renders only the rows in view, a page at a time, and an event's details only when opened, so the
 * DOM stays small at any number of events. Every definition text reaches the page through
 * `textContent` or an attribute value, never as markup.
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var PAGE_SIZE = 100;
  var FILTERS = ["group", "tier", "tracker", "status", "kind"];
  var data = JSON.parse(document.getElementById("sit-events").textContent);
  var events = data.events;
  var identifiers = Object.create(null);
  data.identifiers.forEach(function (identifier) { identifiers[identifier.name] = identifier; });
  var list = document.getElementById("events");
  var count = document.getElementById("count");
  var more = document.getElementById("more");
  var search = document.getElementById("search");
  var selects = {};
  FILTERS.forEach(function (name) { selects[name] = document.getElementById("filter-" + name); });

  var haystacks = events.map(function (event) {
    var words = [event.action, event.description];
    (event.properties || []).forEach(function (property) { words.push(property.name, property.description || ""); });
    return words.join("\\n").toLowerCase();
  });

  addOptions(selects.group, data.productGroups);
  addOptions(selects.tier, data.tiers);
  addOptions(selects.tracker, data.trackers);
  addOptions(selects.status, data.statuses);
  addOptions(selects.kind, ["internal", "legacy"]);

  var matching = [];
  var shown = 0;

  function addOptions(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function code(text) { return element("code", "", text); }

  function matches(index, terms, filters) {
    var event = events[index];
    if (filters.group && event.productGroup !== filters.group) return false;
    if (filters.tier && event.tiers.indexOf(filters.tier) < 0) return false;
    if (filters.tracker && event.trackers.indexOf(filters.tracker) < 0) return false;
    if (filters.status && event.status !== filters.status) return false;
    if (filters.kind && (filters.kind === "legacy") !== Boolean(event.legacy)) return false;
    for (var i = 0; i < terms.length; i++) if (haystacks[index].indexOf(terms[i]) < 0) return false;
    return true;
  }

  function currentFilters() {
    var filters = {};
    FILTERS.forEach(function (name) { filters[name] = selects[name].value; });
    return filters;
  }

  function update() {
    var filters = currentFilters();
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    matching = [];
    for (var i = 0; i < events.length; i++) if (matches(i, terms, filters)) matching.push(i);
    list.replaceChildren();
    shown = 0;
    showMore();
    count.textContent = matching.length === events.length
      ? events.length + " events"
      : matching.length + " of " + events.length + " events match";
    if (matching.length === 0) list.appendChild(element("li", "empty", "No event matches."));
    writeHash(filters);
  }

  function showMore() {
    var end = Math.min(shown + PAGE_SIZE, matching.length);
    var rows = document.createDocumentFragment();
    for (; shown < end; shown++) rows.appendChild(row(events[matching[shown]]));
    list.appendChild(rows);
    more.hidden = shown >= matching.length;
  }

  function row(event) {
    var item = element("li", "event" + (event.legacy ? " legacy" : "") + (event.status === "removed" ? " removed" : ""));
    item.id = "event-" + ("anchor" in event ? event.anchor : event.action);
    var details = element("details");
    var summary = element("summary");
    summary.appendChild(code(event.action));
    if (event.legacy) summary.appendChild(element("span", "badge legacy", "legacy"));
    if (event.status === "removed") summary.appendChild(element("span", "badge removed", event.statusText));
    if (event.productGroup) summary.appendChild(element("span", "badge", event.productGroup));
    summary.appendChild(element("span", "summary-description", event.description));
    details.appendChild(summary);
    details.addEventListener("toggle", function () {
      if (details.open && details.childNodes.length === 1) details.appendChild(body(event));
    });
    item.appendChild(details);
    return item;
  }

  function link(label, url) {
    if (!/^https?:\\/\\//i.test(url)) return document.createTextNode(label + ": " + url);
    var anchor = element("a", "", label);
    anchor.href = url;
    anchor.rel = "noopener noreferrer";
    return anchor;
  }

  function joined(values, separator, render) {
    var span = element("span");
    values.forEach(function (value, index) {
      if (index > 0) span.appendChild(document.createTextNode(separator));
      span.appendChild(render(value));
    });
    return span;
  }

  function body(event) {
    var container = element("div", "event-body");
    if (event.legacy) container.appendChild(element("p", "", "Legacy definition: documented only, no tracking function is generated."));
    container.appendChild(element("p", "", event.description));
    var facts = element("dl");
    function fact(label, value) {
      facts.appendChild(element("dt", "", label));
      var cell = element("dd");
      cell.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
      facts.appendChild(cell);
    }
    if (event.functionName) fact("Function", code(event.functionName + "()"));
    if (event.productGroup) fact("Product group", event.productGroup);
    if (event.productCategories) fact("Product categories", event.productCategories.join(", "));
    if (event.tiers.length > 0) fact("Tiers", event.tiers.join(", "));
    if (event.milestone) {
      var milestone = element("span", "", event.milestone);
      if (event.introducedByUrl) {
        milestone.appendChild(document.createTextNode(" ("));
        milestone.appendChild(link("introduced by", event.introducedByUrl));
        milestone.appendChild(document.createTextNode(")"));
      }
      fact("Milestone", milestone);
    } else if (event.introducedByUrl) {
      fact("Introduced by", link("merge request", event.introducedByUrl));
    }
    var status = element("span", "", event.statusText || event.status);
    if (event.removedByUrl) {
      status.appendChild(document.createTextNode(" ("));
      status.appendChild(link("removed by", event.removedByUrl));
      status.appendChild(document.createTextNode(")"));
    }
    fact("Status", status);
    fact("Identifiers", event.identifiers ? identifierList(event.identifiers) : "none");
    fact("Trackers, in call order", event.trackers.length > 0 ? joined(event.trackers, " \\u2192 ", code) : "none");
    if (event.category) fact("Category", event.category);
    if (event.classification) fact("Classification", event.classification);
    if (event.extraProperties) fact("Extra properties (not typed)", joined(event.extraProperties, ", ", code));
    fact("Source", code(event.file));
    container.appendChild(facts);
    if (event.properties) container.appendChild(propertiesTable(event.properties));
    return container;
  }

  /** Each identifier with the type the config gives it, and how it is given when not in the call. */
  function identifierList(names) {
    var list = element("ul", "identifiers");
    names.forEach(function (name) {
      var identifier = identifiers[name];
      var item = list.appendChild(element("li"));
      item.appendChild(code(name));
      item.appendChild(document.createTextNode(": "));
      item.appendChild(code(identifier.type));
      if (identifier.fromContext) {
        var note = item.appendChild(element("span", "", " (" + ${JSON.stringify(FROM_CONTEXT_WORDS)} + " "));
        note.appendChild(code(${JSON.stringify(CONTEXT_FUNCTION)}));
        note.appendChild(document.createTextNode(")"));
      }
    });
    return list;
  }

  function propertiesTable(properties) {
    var table = element("table", "properties");
    var head = element("tr");
    ["Property", "Type", "Required", "Allowed values", "Description"].forEach(function (title) { head.appendChild(element("th", "", title)); });
    table.appendChild(element("thead")).appendChild(head);
    var rows = table.appendChild(element("tbody"));
    properties.forEach(function (property) {
      var tr = element("tr");
      var name = element("td");
      // Nested rows are indented by their depth; the page's policy allows styles set from its script.
      if (property.depth) name.style.paddingLeft = (0.5 + 1.25 * property.depth) + "em";
      name.appendChild(code(property.name));
      tr.appendChild(name);
      var type = element("td");
      type.appendChild(code(property.type));
      tr.appendChild(type);
      tr.appendChild(element("td", "", property.required || "no"));
      var values = element("td");
      if (property.values) values.appendChild(element("div")).appendChild(joined(property.values, ", ", code));
      (property.constraints || []).forEach(function (constraint) { values.appendChild(element("div")).appendChild(code(constraint)); });
      tr.appendChild(values);
      var description = element("td", "", property.description || "");
      if (property.onlyFor) {
        var only = description.appendChild(element("div", "protected", "Protected: sent only to "));
        only.appendChild(joined(property.onlyFor, ", ", code));
        only.appendChild(document.createTextNode("."));
      }
      tr.appendChild(description);
      rows.appendChild(tr);
    });
    return table;
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    search.value = params.get("q") || "";
    FILTERS.forEach(function (name) {
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(selects[name].options, function (option) { return option.value === value; });
      selects[name].value = known ? value : "";
    });
  }

  function writeHash(filters) {
    var params = new URLSearchParams();
    if (search.value) params.set("q", search.value);
    FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    var hash = params.toString();
    if (hash !== location.hash.slice(1)) history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  var pending = false;
  function scheduleUpdate() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; update(); });
  }

  search.addEventListener("input", scheduleUpdate);
  FILTERS.forEach(function (name) { selects[name].addEventListener("change", update); });
  more.addEventListener("click", showMore);
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; }) && !more.hidden) showMore();
    }, { rootMargin: "400px" }).observe(more);
  }
  window.addEventListener("hashchange", function () { readHash(); update(); });
  readHash();
  update();
})();
`;
