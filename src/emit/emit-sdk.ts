import type { SdkModel } from "../model/event-model";
import { emitCatalog } from "./emit-catalog";
import { emitIndex } from "./emit-index";
import { emitRuntime } from "./emit-runtime";
import { emitValidation } from "./emit-validation";
import type { EventTextMemo } from "./event-text-memo";
import { fixedSdkFile } from "./fixed-sdk-files";
import { SDK_FILES } from "./sdk-files";

/**
 * The bodies of the SDK's files as pieces of UTF-8, by path relative to the output folder, without
 * headers: the project's own, then the fixed ones, copied as they are. With a memo, the text of an
 * event whose model object was emitted before is reused.
 */
export function emitSdk(model: SdkModel, memo?: EventTextMemo): { path: string; body: readonly Buffer[] }[] {
  return [
    { path: SDK_FILES.catalog, body: emitCatalog(model, memo) },
    { path: SDK_FILES.checks, body: [fixedSdkFile(SDK_FILES.checks)] },
    { path: SDK_FILES.core, body: [fixedSdkFile(SDK_FILES.core)] },
    { path: SDK_FILES.index, body: emitIndex(model, memo) },
    { path: SDK_FILES.runtime, body: emitRuntime(model) },
    { path: SDK_FILES.validation, body: emitValidation(model, memo) },
  ];
}
