// The CSV layout shared by import and export, and the formula guard that keeps spreadsheet cells inert yet lossless.

/** Columns in export order; import accepts them in any order, case-insensitively, and ignores others. */
export const CSV_COLUMNS = ['id', 'title', 'start', 'end', 'country', 'type', 'actors', 'summary', 'source', 'quote'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separates several actor names in the one `actors` cell. */
export const ACTOR_SEPARATOR = ';';

/**
 * The `actors` cell for these names: "; " between them, and a separator or backslash inside a name escaped with a
 * backslash ("Smith\; Jones"), so that a name with a semicolon comes back as one actor, not two.
 */
export function joinActorNames(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\\;]/g, (character) => `\\${character}`)).join(`${ACTOR_SEPARATOR} `);
}

/** The names in an `actors` cell: split at each unescaped separator, escapes undone, blanks dropped. */
export function splitActorNames(cell: string): string[] {
  const names: string[] = [];
  let name = '';
  for (let at = 0; at < cell.length; at += 1) {
    const character = cell[at];
    const next = cell[at + 1];
    if (character === '\\' && (next === '\\' || next === ACTOR_SEPARATOR)) {
      name += next;
      at += 1;
    } else if (character === ACTOR_SEPARATOR) {
      names.push(name);
      name = '';
    } else {
      name += character;
    }
  }
  names.push(name);
  return names.map((each) => each.trim()).filter(Boolean);
}

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
