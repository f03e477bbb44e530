import { argsTypeNameOf, functionNameOf } from "./names";

/** The names an internal event gives the generated SDK, besides its action. */
export interface GeneratedNames {
  readonly functionName: string;
  readonly argsTypeName: string;
  /** The constant of the declared keys of its objects, should it have any. */
  readonly shapesName: string;
}

/**
 * The names of an event: from its `function_name` when the definition sets one, otherwise from
 * its action's words. `undefined` when the action has no word to make a function name of.
 */
export function generatedNamesOf(data: { readonly action: string; readonly function_name?: string | undefined }): GeneratedNames {
  const functionName = data.function_name ?? functionNameOf(data.action);
  if (functionName === undefined) throw new Error(`action ${JSON.stringify(data.action)} gives no function name: validation lets no such action through`);
  const argsTypeName = argsTypeNameOf(functionName);
  return { functionName, argsTypeName, shapesName: `${argsTypeName.slice(0, -"Args".length)}Shapes` };
}
