// The CSV layout shared by import and export, and the formula guard that keeps spreadsheet cells inert yet lossless.

/** Columns in export order; import accepts them in any order, case-insensitively, and ignores others. */
export const CSV_COLUMNS = ['id', 'title', 'start', 'end', 'country', 'type', 'actors', 'summary', 'source', 'quote'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separates several actor names in the one `actors` cell. */
export const ACTOR_SEPARATOR = ';';

// A spreadsheet runs a cell starting with one of these as a formula. Apostrophes before it are included so that
// a cell that really starts with "'=" survives: export adds one apostrophe, import removes exactly one.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Prefixes `'` to a text cell a spreadsheet would run as a formula ("=cmd()" → "'=cmd()"). */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula: drops one leading `'` only where export would have added it. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
