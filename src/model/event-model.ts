import type { Status } from "../validate/vocabulary";
import type { ValueSpec } from "./value-spec";

/** The normalized, sorted description of the SDK to generate: everything the emitters need. */
export interface SdkModel {
  /** Internal events sorted by action (code-unit order). */
  readonly events: readonly EventModel[];
  /** Processors some event calls, sorted by class name, with unique local names. */
  readonly processors: readonly ProcessorModel[];
  /**
   * The default processors in the config's order, called by every event through one runtime
   * function: changing them changes runtime.ts alone, so it merges with changes to events.
   */
  readonly defaultProcessors: readonly ProcessorModel[];
  /** Every identifier definitions may name: GitLab's four, then the config's own in code-unit order. */
  readonly identifiers: readonly IdentifierModel[];
  /** The tiers definitions may list, in the config's order. */
  readonly tiers: readonly string[];
  /** Top-level keys every definition has: the catalog's metadata types follow them. */
  readonly requiredKeys: ReadonlySet<string>;
  /**
   * What `PropertyValue`, the type of a property in a payload, must hold: strings, numbers and
   * booleans (GitLab's), also null, any JSON value (arrays, objects), or anything (`type: any`,
   * which TypeScript cannot hold to JSON).
   */
  readonly propertyValue: "scalar" | "nullable" | "json" | "unknown";
}

export interface EventModel {
  readonly action: string;
  readonly functionName: string;
  readonly argsTypeName: string;
  readonly description: string;
  /** Declared identifiers, in declaration order: the SDK model's own objects. */
  readonly identifiers: readonly IdentifierModel[];
  /** Additional properties, then each tracker's protected properties, in declaration order. */
  readonly properties: readonly PropertyModel[];
  /** The payloads the processors receive, one per distinct set of properties; the first is `defaultPayload`. */
  readonly payloads: readonly PayloadModel[];
  /** Processors in call order: the default ones, then the extra trackers as declared. */
  readonly calls: readonly ProcessorCall[];
  readonly argument: "none" | "optional" | "required";
  /**
   * The constant holding the declared keys of the event's objects and arrays of objects, which
   * payloads copy key by key; `undefined` when every property is a plain value or no processor is called.
   */
  readonly shapesName: string | undefined;
  readonly metadata: EventMetadataModel;
}

export interface PropertyModel {
  readonly name: string;
  readonly description: string | undefined;
  /** The value: declared, fixed by GitLab (label, property, value) or `string | number`. */
  readonly value: ValueSpec;
  readonly required: boolean;
  /** The tracking class that alone receives this property, for protected properties. */
  readonly protectedFor: string | undefined;
}

/**
 * A payload as the track function builds it: the declared identifiers and, in its own object, the
 * properties named here and no others, whatever the caller passed.
 */
export interface PayloadModel {
  /** The local variable holding the payload, e.g. `defaultPayload`, `aiTrackingPayload`. */
  readonly variable: string;
  /** The local variable holding its additional properties, e.g. `defaultProperties`. */
  readonly propertiesVariable: string;
  /** Declared property names, in declaration order: the event's own, then a tracker's protected ones. */
  readonly propertyNames: readonly string[];
}

export interface ProcessorCall {
  readonly className: string;
  /** A default processor: called through `sendToDefaultProcessors`, not by the event's own code. */
  readonly byDefault: boolean;
  /** The runtime function that calls this processor alone, isolating its failures. */
  readonly senderName: string;
  /** Which of the event's payloads it receives. */
  readonly payload: PayloadModel;
}

export interface ProcessorModel {
  readonly className: string;
  /** The name the processor is imported as. */
  readonly localName: string;
  /** The runtime function that calls this processor alone, isolating its failures. */
  readonly senderName: string;
  /** The constant holding the processor's slot: what its sender calls now, and its context. */
  readonly slotName: string;
  readonly importSpecifier: string;
  readonly exportName: string;
}

export interface IdentifierModel {
  /** As definitions name it: `feature_enabled_by_namespace_ids`. */
  readonly name: string;
  /** Its key in arguments and payloads: `featureEnabledByNamespaceIds`. */
  readonly field: string;
  /** The SDK's type for it: `FeatureEnabledByNamespaceIdsIdentifier`. */
  readonly typeName: string;
  /** The TypeScript type the config gives it. */
  readonly type: string;
  /** When set, `type` is imported from this specifier. */
  readonly importSpecifier: string | undefined;
  /** Set once with `setTrackingContext`, not passed to each event. */
  readonly fromContext: boolean;
}

export interface EventMetadataModel {
  readonly status: Status;
  /** `undefined` only where the config's rules do not require it. */
  readonly productGroup: string | undefined;
  readonly productCategories: readonly string[];
  readonly milestone: string | null | undefined;
  readonly milestoneRemoved: string | undefined;
  readonly removedByUrl: string | undefined;
  readonly introducedByUrl: string | null | undefined;
  readonly tiers: readonly string[] | undefined;
  readonly classification: string | undefined;
  /** The definition file, relative to the project root. */
  readonly file: string;
}
