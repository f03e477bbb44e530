/** An ASCII JavaScript identifier: what sit accepts as an export name and writes as a generated name. */
export const JAVASCRIPT_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const isJavaScriptIdentifier = (name: string): boolean => JAVASCRIPT_IDENTIFIER.test(name);
