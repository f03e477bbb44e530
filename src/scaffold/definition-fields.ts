import type { PropertyType } from "../validate/vocabulary";

/** One entry of `additional_properties` as `sit new` writes it. */
export interface PropertyField {
  readonly name: string;
  readonly description: string;
  /** Absent: GitLab's default type for the name (label and property strings, value a number, others either). */
  readonly type?: PropertyType;
}

/** Everything `sit new` writes into a definition, whether from flags, prompts or defaults. */
export interface DefinitionFields {
  readonly action: string;
  readonly description: string;
  /** Empty: the definition has no `identifiers` key. */
  readonly identifiers: readonly string[];
  readonly properties: readonly PropertyField[];
  readonly productGroup: string;
  readonly milestone: string | null;
  readonly introducedByUrl: string | null;
  readonly tiers: readonly string[];
  /** Extra tracking classes, in call order; empty: no `extra_trackers` key. */
  readonly trackers: readonly string[];
}

/** The fields a user can leave out: each is then asked for, or takes its default. */
export type OptionalFieldName = Exclude<keyof DefinitionFields, "action">;

export type GivenFields = {
  -readonly [Name in OptionalFieldName]?: DefinitionFields[Name];
};
