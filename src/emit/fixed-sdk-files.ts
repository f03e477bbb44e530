import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The SDK's fixed files, type-checked and tested in src/sdk/ like the rest of sit: under ts-jest
 * they are read there, and the build copies them beside their compiled form in dist/sdk/.
 */
const FIXED_SDK_FOLDER = join(__dirname, "..", "sdk");

const texts = new Map<string, Buffer>();

/**
 * A fixed file of the SDK as the output holds it, read once per process. Its line endings are
 * made `\n`: a checkout that turned them into CRLF still writes the same bytes as any other.
 */
export function fixedSdkFile(name: string): Buffer {
  let text = texts.get(name);
  if (text === undefined) {
    text = Buffer.from(readFileSync(join(FIXED_SDK_FOLDER, name), "utf8").replace(/\r\n?/g, "\n"), "utf8");
    texts.set(name, text);
  }
  return text;
}
