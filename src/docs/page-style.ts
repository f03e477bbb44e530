/** The events dictionary page's stylesheet, inlined: the page loads nothing (system fonts only). */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da;
  --legacy-bg: #fff8c5; --legacy-text: #7d4e00; --removed-bg: #ffebe9; --removed-text: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --accent: #4493f8;
    --legacy-bg: #3b2300; --legacy-text: #e3b341; --removed-bg: #42111a; --removed-text: #ff9492;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: Canvas; }
header { position: sticky; top: 0; z-index: 1; padding: 12px 24px; background: var(--panel); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 8px; font-size: 20px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.controls input, .controls select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: Canvas; color: inherit; }
.controls input { flex: 1 1 280px; min-width: 200px; }
#count { margin: 8px 0 0; color: var(--muted); }
main { padding: 8px 24px 48px; }
ol.events { list-style: none; margin: 0; padding: 0; }
.event { border-bottom: 1px solid var(--line); }
.event summary { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; padding: 8px 0; cursor: pointer; }
.event summary code { font-weight: 600; }
.summary-description { flex: 1 1 320px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
details[open] .summary-description { visibility: hidden; }
.badge { font-size: 12px; padding: 0 6px; border-radius: 10px; border: 1px solid var(--line); color: var(--muted); }
.badge.legacy { background: var(--legacy-bg); color: var(--legacy-text); border-color: transparent; }
.badge.removed { background: var(--removed-bg); color: var(--removed-text); border-color: transparent; }
.event-body { padding: 0 0 16px 16px; }
.event-body p { margin: 0 0 8px; white-space: pre-wrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border: 1px solid var(--line); }
th { background: var(--panel); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--accent); }
#more { margin: 16px 0; font: inherit; padding: 6px 16px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: inherit; cursor: pointer; }
.protected { font-style: italic; color: var(--muted); }
ul.identifiers { list-style: none; margin: 0; padding: 0; }
.empty { color: var(--muted); padding: 16px 0; }
`;
