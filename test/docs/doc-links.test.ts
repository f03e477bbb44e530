import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../helpers/project";

/**
 * The README and docs/ link to each other by file and heading: every relative link must reach a
 * file, and every `#anchor` a heading of it, as GitHub and the registry name headings.
 */

const PAGES = ["README.md", "CONTRIBUTING.md", ...readdirSync(join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];

/** Markdown outside fenced code blocks, where headings and links are. */
const prose = (markdown: string): string => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");

/** The anchors of a page's headings, as github-slugger makes them (repeats get -1, -2, …). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** Relative links of a page: `[text](target)` and `<target>` autolinks without a scheme are not links to files. */
const links = (markdown: string): string[] => [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

describe("links between the README and docs/", () => {
  it.each(PAGES)("%s links only to files and headings that exist", (page) => {
    const text = readFileSync(join(REPO_ROOT, page), "utf8");
    const dead = links(text).filter((target) => {
      const [path = "", anchor] = target.split("#");
      const file = path === "" ? join(REPO_ROOT, page) : join(REPO_ROOT, dirname(page), path);
      if (!existsSync(file)) return true;
      if (anchor === undefined || !file.endsWith(".md")) return false;
      return !anchors(readFileSync(file, "utf8")).has(anchor);
    });
    expect(dead).toEqual([]);
  });
});
