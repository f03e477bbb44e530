import type { NULL_TYPE, PropertyType } from "../validate/vocabulary";

/** A `type:` as a definition writes it: one type, or a list of them for a union (`[string, "null"]`). */
export type TypeField = PropertyType | readonly (PropertyType | typeof NULL_TYPE)[];

export type EnumValue = string | number | boolean | null;

/** What a value may be, in the keys of a definition (sit's extensions); an array's `items` is one. */
export interface ValueField {
  readonly description?: string;
  /** Absent: GitLab's default type for the name (label and property strings, value a number, others either). */
  readonly type?: TypeField;
  readonly enum?: readonly EnumValue[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly items?: ValueField;
  readonly properties?: readonly PropertyField[];
}

/** One entry of `additional_properties`, or of an object's `properties`, as `sit new` writes it. */
export interface PropertyField extends ValueField {
  readonly name: string;
  readonly required?: boolean;
}

/**
 * Everything `sit new` writes into a definition, whether from flags, prompts or defaults. A key
 * whose value is `undefined` is left out of the definition: the project's rules do not require it
 * and nothing gave it.
 */
export interface DefinitionFields {
  readonly action: string;
  /** The event's own function name (`function_name`), for an action whose words give none or a taken one. */
  readonly functionName: string | undefined;
  readonly description: string | undefined;
  /** Empty: the definition has no `identifiers` key. */
  readonly identifiers: readonly string[];
  readonly properties: readonly PropertyField[];
  readonly productGroup: string | undefined;
  readonly milestone: string | null | undefined;
  readonly introducedByUrl: string | null | undefined;
  readonly tiers: readonly string[] | undefined;
  /** Extra tracking classes, in call order; empty: no `extra_trackers` key. */
  readonly trackers: readonly string[];
}

/** The fields a user can leave out: each is then asked for, or takes its default. */
export type OptionalFieldName = Exclude<keyof DefinitionFields, "action">;

export type GivenFields = {
  -readonly [Name in OptionalFieldName]?: Exclude<DefinitionFields[Name], undefined>;
};
