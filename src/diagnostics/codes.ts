/**
 * The catalogue of diagnostic codes. Codes are stable: a code is never reused for another problem.
 * docs/diagnostics.md is checked against this table by a test.
 */
export const DIAGNOSTIC_CODES = {
  SIT001: { title: "YAML syntax error", fix: "Correct the YAML at the reported position." },
  SIT002: { title: "Empty definition file", fix: "Fill in the definition or delete the file." },
  SIT003: { title: "Root is not a mapping", fix: "A definition is a YAML mapping of keys such as `action:` and `description:`." },
  SIT004: { title: "File is not UTF-8 text", fix: "Save the file as UTF-8; binary files do not belong in the definitions folder." },
  SIT005: { title: "File too large", fix: "A definition is a few hundred bytes; split or trim the file." },
  SIT006: { title: "YAML aliases expand too far", fix: "Remove the anchors and aliases (`&a`, `*a`) that multiply the document." },
  SIT007: { title: "Unreadable file or folder", fix: "Fix the permissions, the broken symbolic link or the symbolic-link loop." },
  SIT008: { title: "More than one YAML document", fix: "Keep one definition per file; remove the extra `---` documents." },
  SIT009: { title: "Duplicate key", fix: "Remove one of the two entries with the same key." },
  SIT010: { title: "Unknown key", fix: "Remove the key or correct its spelling." },
  SIT011: { title: "Missing required key", fix: "Add the key; see the definition format in the README." },
  SIT012: { title: "Wrong value type", fix: "Give the key a value of the expected type." },
  SIT013: { title: "Value not allowed", fix: "Use one of the allowed values." },
  SIT014: { title: "Invalid action name", fix: "Actions are lowercase letters, digits and underscores (`^[a-z0-9_]+$`)." },
  SIT015: { title: "Duplicate action", fix: "Rename one of the actions: each internal event needs its own." },
  SIT016: { title: "Duplicate legacy action", fix: "Legacy definitions may share actions; rename them if they are different events." },
  SIT017: { title: "Legacy definition shares an internal event's action", fix: "Rename or remove the legacy definition." },
  SIT018: { title: "Generated name collision", fix: "Rename one of the actions so their function names differ." },
  SIT019: { title: "Name unsafe in JavaScript", fix: "Choose another name: JavaScript gives this one a meaning of its own on every object." },
  SIT020: { title: "Both extra_trackers and extra_tracking_classes", fix: "Keep `extra_trackers` and move the classes into it." },
  SIT021: { title: "Removed event lacks removal fields", fix: "Add `milestone_removed` and `removed_by_url` to a definition with `status: removed`." },
  SIT022: { title: "File name differs from action", fix: "Rename the file to `<action>.yml`." },
  SIT023: { title: "Tracking class not configured", fix: "Add the class to `processors` in sit.config.yaml with its module and export." },
  SIT024: { title: "Invalid property name", fix: "Property names are lowercase snake_case (`^[a-z][a-z0-9_]*$`)." },
  SIT025: { title: "sit extension under --gitlab-strict", fix: "Remove `type`, `enum` and `required`, or validate without --gitlab-strict." },
  SIT026: { title: "Enum value does not match the property type", fix: "Make every enum value of the declared `type`." },
  SIT027: { title: "Property declared twice", fix: "A protected property must not repeat an additional property or another tracker's protected property with a different type." },
  SIT028: { title: "Tracker listed twice", fix: "List each tracking class once per event, and not the default processors." },
  SIT029: { title: "No default processors", fix: "Set `defaultProcessors` in sit.config.yaml, or internal events without extra trackers are sent nowhere." },
  SIT030: { title: "Definitions folder not found", fix: "Create the folder or set `definitions` in sit.config.yaml." },
  SIT031: { title: "Property name close to a built-in one", fix: "Spell GitLab's built-in property (`label`, `property`, `value`) correctly, or keep the custom name on purpose." },
  SIT040: { title: "Config file cannot be read", fix: "Check the path given to --config." },
  SIT041: { title: "Invalid config", fix: "Correct sit.config.yaml; see the Configuration section of the README." },
  SIT042: { title: "Processor or identifier module not found", fix: "Point `module` at an existing file or folder, or at a package name." },
} as const satisfies Record<string, { title: string; fix: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes reported as warnings, whose severity a config may change (`warnings:`). */
export const WARNING_CODES = ["SIT016", "SIT017", "SIT022", "SIT029", "SIT031"] as const satisfies readonly DiagnosticCode[];
export type WarningCode = (typeof WARNING_CODES)[number];
