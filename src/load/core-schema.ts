import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag, type ScalarTagDefinition } from "js-yaml";
import type { YamlScalarValue } from "./yaml-tree";

const PLAIN_RESOLUTION_ORDER: readonly ScalarTagDefinition<YamlScalarValue>[] = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** Plain scalars starting otherwise are strings in the core schema: skip the resolvers for them. */
const MAY_NOT_BE_STRING = /^(?:$|[-+.0-9~nNtTfF])/;

/** YAML 1.2 core schema resolution of an untagged plain scalar. */
export function resolvePlainScalar(text: string): YamlScalarValue {
  if (!MAY_NOT_BE_STRING.test(text)) return text;
  for (const tag of PLAIN_RESOLUTION_ORDER) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return text;
}
