import { definition, makeProject, runCli } from "../helpers/project";
import { CONFIG } from "../write/output-folder";

/**
 * Issue 17, item 14: bidirectional controls and zero-width characters are escaped like other
 * control characters, by every printer (src/text/terminal-text.ts, and a last guard on the output).
 */
describe("what sit prints holds no control or invisible character", () => {
  it("a definition's file name with a right-to-left override and a zero-width space, in a diagnostic", () => {
    const project = makeProject({ "sit.config.yaml": CONFIG, "definitions/evil\u202Elmy.\u200Bexe.yml": definition("other_name") });
    const result = runCli(["validate"], project);
    expect(result.stderr).not.toMatch(/[\u202e\u200b]/);
    expect(result.stderr).toContain('definitions/evil\\u202elmy.\\u200bexe.yml:3:9: warning SIT022: file name "evil\\u202elmy.\\u200bexe" differs from action "other_name"');
  });

  it("an argument commander echoes, in its error", () => {
    const result = runCli(["generate", "--colour\u001b[2J\u2066"], process.cwd());
    expect(result.stderr).not.toMatch(/[\u001b\u2066]/);
    expect(result.stderr).toContain("unknown option '--colour\\u001b[2J\\u2066'");
    expect(result.code).toBe(2);
  });
});
