import type { TrackedPayload } from "./processor-types.js";

/** A value that flat records (log attributes, context entities, console lines) can hold. */
export type IdentifierScalar = string | number | boolean;

/** An identifier as the processors write it: an id, or a list of ids (a new array, free to hand on). */
export type IdentifierValue = IdentifierScalar | IdentifierScalar[];

export interface PayloadIdentifier {
  /** The payload's key, camelCase as the generated SDK writes it (`featureEnabledByNamespaceIds`). */
  readonly key: string;
  /** The name definitions and GitLab use (`feature_enabled_by_namespace_ids`). */
  readonly name: string;
  /** The value the application passed, of its own identifier type. */
  readonly value: unknown;
}

/** The identifiers a payload carries: every own key but `additionalProperties`, in payload order. */
export function identifiersOf(payload: TrackedPayload): PayloadIdentifier[] {
  const identifiers: PayloadIdentifier[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (key === "additionalProperties" || value === undefined) continue;
    identifiers.push({ key, name: identifierNameOf(key), value });
  }
  return identifiers;
}

/**
 * What every built-in processor that serialises sends for an identifier, unless the application
 * says otherwise: the `id` of an object that has one (the default identifier type is `{ id }`),
 * a string, number or boolean as it is, a list element by element. `undefined` when the value
 * has no such form (an object without a string, number or boolean `id`, or a list holding one):
 * the processors then leave the identifier out rather than send the whole object.
 */
export function identifierId(value: unknown): IdentifierValue | undefined {
  if (isScalar(value)) return value;
  if (Array.isArray(value)) {
    const ids = value.map(scalarId);
    return ids.every((id): id is IdentifierScalar => id !== undefined) ? ids : undefined;
  }
  return scalarId(value);
}

function scalarId(value: unknown): IdentifierScalar | undefined {
  if (isScalar(value)) return value;
  if (typeof value === "object" && value !== null && "id" in value) {
    const id: unknown = value.id;
    if (isScalar(id)) return id;
  }
  return undefined;
}

export function isScalar(value: unknown): value is IdentifierScalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The name an identifier's payload key stands for: `featureEnabledByNamespaceIds` → `feature_enabled_by_namespace_ids`. */
export function identifierNameOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
