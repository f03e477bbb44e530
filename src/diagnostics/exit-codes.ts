/** 0: success. 1: findings (invalid definitions, drift). 2: usage, environment or internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A prompt cancelled with Ctrl-C exits as shells report an interrupted command. */
export const EXIT_CANCELLED = 130;
