/** An ASCII JavaScript identifier: what sit accepts as an export name and writes as a generated name. */
export const JAVASCRIPT_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const isJavaScriptIdentifier = (name: string): boolean => JAVASCRIPT_IDENTIFIER.test(name);

/** A key as written in an object literal or type: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (name: string): string => (isJavaScriptIdentifier(name) ? name : JSON.stringify(name));
