import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as inputs from "../../src/pipeline/read-inputs";
import { definition, makeProject, REPO_ROOT, runCli, runSit } from "../helpers/project";

/**
 * Bad input never produces a stack trace (every other test checks its output); a bug does, but
 * only as a short request to report it, with exit code 2. A bug is simulated by making the
 * pipeline throw.
 */
describe("an internal error", () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([["validate"], ["generate"]])("in `sit %s` prints a short request to report it and exits 2", (command) => {
    jest.spyOn(inputs, "readInputs").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'entries')");
    });
    const result = runCli([command], makeProject({ "definitions/a.yml": definition("a") }));
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "sit: internal error: Cannot read properties of undefined (reading 'entries')\n" +
        "This is a bug in sit, not in your definitions. Please report it with the command you ran (set SIT_DEBUG=1 for details).",
    });
  });

  it("in the real binary prints no stack trace unless SIT_DEBUG=1", () => {
    const dir = makeProject({ "definitions/a.yml": definition("a") });
    // Loaded before bin/sit.js: breaks the built pipeline the way a bug would.
    writeFileSync(
      join(dir, "break-pipeline.js"),
      `require(${JSON.stringify(join(REPO_ROOT, "dist", "pipeline", "read-inputs.js"))}).readInputs = () => { throw new Error("boom"); };\n`,
    );
    const options = { NODE_OPTIONS: `--require ${join(dir, "break-pipeline.js")}` };
    const quiet = runSit(["validate"], dir, options);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(/^sit: internal error: boom\nThis is a bug in sit, not in your definitions\. Please report it/);
    expect(quiet.stderr).not.toMatch(/^\s+at /m);

    const debug = runSit(["validate"], dir, { ...options, SIT_DEBUG: "1" });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
