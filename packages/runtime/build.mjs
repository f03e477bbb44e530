// Builds dist/esm (ES modules) and dist/cjs (CommonJS), each with its .d.ts files. A package.json in
// each folder tells Node.js and TypeScript which module format its .js and .d.ts files are, so both
// builds keep the .js extension that the sources' imports name.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
for (const [project, folder, type] of [
  ["tsconfig.esm.json", "dist/esm", "module"],
  ["tsconfig.json", "dist/cjs", "commonjs"],
]) {
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit" });
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}/package.json`, `{ "type": "${type}" }\n`);
}
