import type { IdentifierName, Status, Tier } from "../validate/vocabulary";

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
  /** Identifier types in canonical order. */
  readonly identifierTypes: readonly IdentifierTypeModel[];
}

export interface EventModel {
  readonly action: string;
  readonly functionName: string;
  readonly argsTypeName: string;
  readonly description: string;
  /** Declared identifiers, in declaration order. */
  readonly identifiers: readonly IdentifierName[];
  /** Additional properties, then each tracker's protected properties, in declaration order. */
  readonly properties: readonly PropertyModel[];
  /** The payloads the processors receive, one per distinct set of properties; the first is `defaultPayload`. */
  readonly payloads: readonly PayloadModel[];
  /** Processors in call order: the default ones, then the extra trackers as declared. */
  readonly calls: readonly ProcessorCall[];
  readonly argument: "none" | "optional" | "required";
  readonly metadata: EventMetadataModel;
}

export interface PropertyModel {
  readonly name: string;
  readonly description: string | undefined;
  /** The value's type: declared, fixed by GitLab (label, property, value) or `string | number`. */
  readonly valueTypes: readonly ValueType[];
  /** Declared `type: integer`: a number without a fractional part (TypeScript cannot tell). */
  readonly integer: boolean;
  /** When declared, the only values allowed. */
  readonly enumValues: readonly EnumValue[] | undefined;
  readonly required: boolean;
  /** The tracking class that alone receives this property, for protected properties. */
  readonly protectedFor: string | undefined;
}

export type ValueType = "string" | "number" | "boolean";
export type EnumValue = string | number | boolean;

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

export interface IdentifierTypeModel {
  readonly identifier: IdentifierName;
  readonly field: string;
  readonly type: string;
  readonly importSpecifier: string | undefined;
}

export interface EventMetadataModel {
  readonly status: Status;
  readonly productGroup: string;
  readonly productCategories: readonly string[];
  readonly milestone: string | null;
  readonly milestoneRemoved: string | undefined;
  readonly removedByUrl: string | undefined;
  readonly introducedByUrl: string | null;
  readonly tiers: readonly Tier[];
  readonly classification: string | undefined;
  /** The definition file, relative to the project root. */
  readonly file: string;
}
