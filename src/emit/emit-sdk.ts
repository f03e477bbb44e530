import type { SdkModel } from "../model/event-model";
import { emitCatalog } from "./emit-catalog";
import { emitIndex } from "./emit-index";
import { emitRuntime } from "./emit-runtime";
import { emitValidation } from "./emit-validation";
import { SDK_FILES } from "./sdk-api";

/** The bodies of the SDK's files as pieces of UTF-8, by path relative to the output folder, without headers. */
export function emitSdk(model: SdkModel): { path: string; body: readonly Buffer[] }[] {
  return [
    { path: SDK_FILES.catalog, body: emitCatalog(model) },
    { path: SDK_FILES.index, body: emitIndex(model) },
    { path: SDK_FILES.runtime, body: emitRuntime(model) },
    { path: SDK_FILES.validation, body: emitValidation(model) },
  ];
}
