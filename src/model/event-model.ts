import type { IdentifierName, Status, Tier } from "../validate/vocabulary";

/** The normalized, sorted description of the SDK to generate: everything the emitters need. */
export interface SdkModel {
  /** Internal events sorted by action (code-unit order). */
  readonly events: readonly EventModel[];
  /** Processors some event calls, sorted by class name, with unique local names. */
  readonly processors: readonly ProcessorModel[];
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
  /** When declared, the only values allowed. */
  readonly enumValues: readonly EnumValue[] | undefined;
  readonly required: boolean;
  /** The tracking class that alone receives this property, for protected properties. */
  readonly protectedFor: string | undefined;
}

export type ValueType = "string" | "number" | "boolean";
export type EnumValue = string | number | boolean;

export interface ProcessorCall {
  readonly className: string;
  /** Protected properties of other trackers that this processor must not receive. */
  readonly withheld: readonly string[];
}

export interface ProcessorModel {
  readonly className: string;
  /** The name the processor is imported as. */
  readonly localName: string;
  /** The runtime function that calls this processor alone, isolating its failures. */
  readonly senderName: string;
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
