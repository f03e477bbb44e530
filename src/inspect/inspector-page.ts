/**
 * The inspector's page, served at `/`: a live table of the events received, filters for event,
 * status and processor, and an event's problems and whole payload on click. Events come from
 * anywhere, so every field reaches the page through `textContent` or a property, never as markup,
 * and the page's Content-Security-Policy allows no script but its own.
 */

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sit inspect</title>
<link rel="stylesheet" href="/sit/page.css">
<script src="/sit/page.js" defer></script>
</head>
<body>
<header>
  <h1>sit inspect <span id="connection" class="connection">connecting…</span></h1>
  <div class="controls">
    <label>Event <select id="filter-event"><option value="">all</option></select></label>
    <label>Status <select id="filter-status"><option value="">all</option><option value="good">good</option><option value="bad">bad</option></select></label>
    <label>Processor <select id="filter-processor"><option value="">all</option><option value="http">HTTP</option><option value="snowplow">Snowplow</option></select></label>
    <button id="clear" type="button">Clear</button>
  </div>
  <p id="count">No events yet: send some to this address (POST /v1/events, or Snowplow's /com.snowplowanalytics.snowplow/tp2).</p>
</header>
<main>
  <table>
    <thead><tr><th>Time (UTC)</th><th>Status</th><th>Event</th><th>Processor</th><th>Problems</th></tr></thead>
    <tbody id="events"></tbody>
  </table>
  <section id="details" hidden>
    <h2 id="details-title"></h2>
    <ul id="details-problems"></ul>
    <pre id="details-payload"></pre>
  </section>
</main>
</body>
</html>
`;

export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da;
  --good: #1a7f37; --bad-bg: #ffebe9; --bad: #a40e26; --selected: #ddf4ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --accent: #4493f8;
    --good: #3fb950; --bad-bg: #42111a; --bad: #ff9492; --selected: #0c2d6b;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: Canvas; }
header { position: sticky; top: 0; z-index: 1; padding: 12px 24px; background: var(--panel); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 8px; font-size: 20px; }
.connection { font-size: 13px; font-weight: normal; color: var(--muted); }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.controls select, .controls button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: Canvas; color: inherit; }
.controls button { cursor: pointer; }
#count { margin: 8px 0 0; color: var(--muted); }
main { padding: 8px 24px 48px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr.selected { background: var(--selected); }
td { overflow-wrap: anywhere; }
td.time, td.processor { white-space: nowrap; color: var(--muted); }
td.event { font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.status { font-size: 12px; padding: 0 6px; border-radius: 10px; }
.status.good { color: var(--good); border: 1px solid var(--good); }
.status.bad { color: var(--bad); background: var(--bad-bg); }
td.problems div + div { margin-top: 2px; }
#details { margin-top: 16px; padding: 12px 16px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
#details h2 { margin: 0 0 8px; font-size: 16px; }
#details pre { margin: 0; overflow: auto; font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`;

export const PAGE_SCRIPT = `"use strict";
(function () {
  var MAX_ROWS = 500;
  var PROCESSORS = { http: "HTTP", snowplow: "Snowplow" };
  var events = [];
  var names = new Set();
  var selectedId;
  var dirty = false;
  var body = document.getElementById("events");
  var count = document.getElementById("count");
  var connection = document.getElementById("connection");
  var filters = {
    event: document.getElementById("filter-event"),
    status: document.getElementById("filter-status"),
    processor: document.getElementById("filter-processor"),
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function matches(event) {
    return (!filters.event.value || event.event === filters.event.value) &&
      (!filters.status.value || event.status === filters.status.value) &&
      (!filters.processor.value || event.processor === filters.processor.value);
  }

  function row(event) {
    var tr = element("tr", event.id === selectedId ? "selected" : "");
    tr.dataset.id = String(event.id);
    tr.appendChild(element("td", "time", event.receivedAt.slice(11, 23)));
    var status = element("td");
    status.appendChild(element("span", "status " + event.status, event.status));
    tr.appendChild(status);
    tr.appendChild(element("td", "event", event.event));
    tr.appendChild(element("td", "processor", PROCESSORS[event.processor] || event.processor));
    var problems = element("td", "problems");
    event.problems.forEach(function (problem) { problems.appendChild(element("div", "", problem)); });
    tr.appendChild(problems);
    tr.addEventListener("click", function () { select(event); });
    return tr;
  }

  function render() {
    dirty = false;
    var shown = [];
    var good = 0;
    for (var index = events.length - 1; index >= 0; index -= 1) {
      var event = events[index];
      if (event.status === "good") good += 1;
      if (shown.length < MAX_ROWS && matches(event)) shown.push(event);
    }
    var rows = document.createDocumentFragment();
    shown.forEach(function (event) { rows.appendChild(row(event)); });
    body.replaceChildren(rows);
    if (events.length === 0) {
      count.textContent = "No events yet: send some to this address (POST /v1/events, or Snowplow's /com.snowplowanalytics.snowplow/tp2).";
    } else {
      var matching = events.filter(matches).length;
      count.textContent = events.length + " events: " + good + " good, " + (events.length - good) + " bad" +
        (matching === events.length ? "" : "; " + matching + " match the filters") +
        (matching > shown.length ? "; the newest " + shown.length + " shown" : "");
    }
  }

  function refresh() {
    if (dirty) return;
    dirty = true;
    requestAnimationFrame(render);
  }

  function select(event) {
    selectedId = event.id;
    document.getElementById("details").hidden = false;
    document.getElementById("details-title").textContent = event.event + " · " + event.status + " · " + event.receivedAt;
    var problems = document.getElementById("details-problems");
    problems.replaceChildren();
    event.problems.forEach(function (problem) { problems.appendChild(element("li", "", problem)); });
    document.getElementById("details-payload").textContent = JSON.stringify(event.payload, null, 2);
    refresh();
  }

  function addName(name) {
    if (names.has(name)) return;
    names.add(name);
    var option = element("option", "", name);
    option.value = name;
    filters.event.appendChild(option);
  }

  Object.keys(filters).forEach(function (name) { filters[name].addEventListener("change", refresh); });
  document.getElementById("clear").addEventListener("click", function () {
    fetch("/sit/events", { method: "DELETE" });
  });

  var stream = new EventSource("/sit/stream");
  stream.addEventListener("open", function () { connection.textContent = "live"; });
  stream.addEventListener("error", function () { connection.textContent = "reconnecting…"; });
  // The inspector keeps its last "capacity" events; the page keeps no more.
  var capacity = Infinity;
  stream.addEventListener("cleared", function (message) {
    capacity = JSON.parse(message.data).capacity;
    events = [];
    refresh();
  });
  stream.addEventListener("received", function (message) {
    var event = JSON.parse(message.data);
    events.push(event);
    if (events.length > capacity) events.splice(0, events.length - capacity);
    addName(event.event);
    refresh();
  });
})();
`;
