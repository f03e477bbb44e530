/**
 * The files the SDK consists of, whatever the model: an unchanged output folder can be recognised
 * without loading the emitters. emit-sdk.ts emits exactly these.
 */
export const SDK_FILES: readonly string[] = ["catalog.ts", "index.ts", "runtime.ts"];
