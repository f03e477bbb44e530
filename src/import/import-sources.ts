/** The formats `sit import` reads; a leaf, so that `sit --help` lists them without loading the importer. */
export const IMPORT_SOURCES = ["typewriter", "json-schema"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
