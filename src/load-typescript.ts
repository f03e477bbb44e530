/**
 * TypeScript's compiler API, as bundled by ts-morph (a dependency of sit's; `typescript` is not),
 * loaded only by what needs it: a type the quick recognisers cannot read, a module's exports.
 */
export const loadTypeScript = (): typeof import("ts-morph").ts => (require("ts-morph") as typeof import("ts-morph")).ts;
