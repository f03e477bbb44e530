/**
 * A character that has no place in a name a team gives (an event or a property under `rules: any`):
 * C0 and C1 controls, and the line and paragraph separators. Validation refuses such names.
 */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
