/**
 * A word as a POSIX shell reads it back unchanged: as it is when it holds only characters no shell
 * treats specially, else in single quotes. A command sit prints for the user to paste (a fix, a
 * hint) quotes every word that came from the user, so pasting it runs nothing else.
 */
export const shellWord = (word: string): string => (/^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
