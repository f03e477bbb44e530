import { compareCodeUnits } from "../text/code-units";

/**
 * Every kind of change `sit diff` reports, in the order reports list them within an event.
 * Whether a change is breaking is decided per change (compare-definitions.ts): a property added
 * as required is, one added as optional is not.
 */
export const CHANGE_KINDS = [
  "default-processor-removed",
  "default-processor-added",
  "default-processors-reordered",
  "identifier-type-changed",
  "identifier-out-of-context",
  "identifier-into-context",
  "event-removed",
  "event-added",
  "event-marked-removed",
  "event-restored",
  "function-renamed",
  "file-renamed",
  "identifier-added",
  "identifier-removed",
  "property-removed",
  "property-moved",
  "property-type-narrowed",
  "property-type-changed",
  "property-now-required",
  "property-added",
  "property-type-widened",
  "property-now-optional",
  "property-description-changed",
  "tracker-removed",
  "tracker-added",
  "trackers-reordered",
  "metadata-changed",
  "legacy-removed",
  "legacy-added",
  "legacy-changed",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One difference between the definitions at the base revision and in the working tree. */
export interface DefinitionChange {
  readonly kind: ChangeKind;
  /** Existing call sites stop compiling, or what a dashboard receives changes. */
  readonly breaking: boolean;
  /** The event's action (a legacy definition's too); `null` for a change of the config. */
  readonly event: string | null;
  /**
   * The event's function in the SDK: the working tree's, the base revision's for an event that
   * is gone; `null` for a change of the config and for legacy definitions (they get none).
   */
  readonly function: string | null;
  /**
   * The property (as a path for what arrays and objects hold: `products[].price`), identifier,
   * tracker, processor or metadata key concerned, if any.
   */
  readonly subject: string | null;
  /** The value at the base revision, as JSON (its meaning per kind is in docs/commands.md). */
  readonly before: unknown;
  /** The value in the working tree, as JSON. */
  readonly after: unknown;
  /** The definition file in the working tree, relative to the project; `null` when it is gone. */
  readonly file: string | null;
  /** The definition file at the base revision, relative to the project; `null` when it is new. */
  readonly baseFile: string | null;
  /**
   * For an event removed or added: the action on the other side whose definition is identical
   * but for the action and file name, so probably a rename.
   */
  readonly renameCandidate: string | null;
}

const KIND_ORDER: ReadonlyMap<ChangeKind, number> = new Map(CHANGE_KINDS.map((kind, index) => [kind, index]));

/** Config changes first, then by event, kind and subject: the same changes always print in the same order. */
export function compareChanges(a: DefinitionChange, b: DefinitionChange): number {
  return (
    compareCodeUnits(a.event ?? "", b.event ?? "") ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    compareCodeUnits(a.subject ?? "", b.subject ?? "") ||
    compareCodeUnits(a.file ?? a.baseFile ?? "", b.file ?? b.baseFile ?? "")
  );
}
