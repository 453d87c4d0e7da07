// Statistics and the markdown table. Every app figure is also given as a ratio to the tuned vis-timeline page.

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (position - low);
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN;
}

export function summarise(values: readonly (number | undefined)[]): Summary | undefined {
  const present = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  if (!present.length) return undefined;
  return { median: percentile(present, 0.5), min: Math.min(...present), max: Math.max(...present), count: present.length };
}

/** One figure per page kind, N and metric: the summary of its runs, or a reason it has none. */
export interface Cell {
  readonly summary?: Summary;
  /** Shown instead of a figure, e.g. "—" for a page not run at this N, "> 60 s" for a run that hit its limit. */
  readonly note?: string;
}

const digits = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));

export function formatCell(cell: Cell | undefined, unit = ''): string {
  if (!cell?.summary) return cell?.note ?? '—';
  const { median, min, max, count } = cell.summary;
  const spread = count > 1 ? ` (${digits(min)}–${digits(max)})` : '';
  return `${digits(median)}${unit}${spread}${cell.note ? ` ${cell.note}` : ''}`;
}

export function formatRatio(app: Cell | undefined, tuned: Cell | undefined): string {
  if (!app?.summary || !tuned?.summary || tuned.summary.median === 0) return '—';
  return `${(app.summary.median / tuned.summary.median).toFixed(2)}×`;
}

export interface Row {
  readonly n: number;
  readonly cells: Readonly<Record<string, Cell | undefined>>;
}

export interface Table {
  readonly title: string;
  readonly note?: string;
  readonly columns: readonly { readonly key: string; readonly label: string; readonly unit?: string; readonly ratioTo?: string }[];
}

/** A markdown table: one row per N; a column with `ratioTo` shows app ÷ that column's figure. */
export function markdownTable(table: Table, rows: readonly Row[]): string {
  const header = ['N', ...table.columns.map((column) => column.label)];
  const lines = [`### ${table.title}`, '', ...(table.note ? [table.note, ''] : []), `| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const values = table.columns.map((column) =>
      column.ratioTo ? formatRatio(row.cells[column.key], row.cells[column.ratioTo]) : formatCell(row.cells[column.key], column.unit),
    );
    lines.push(`| ${row.n.toLocaleString('en-GB')} | ${values.join(' | ')} |`);
  }
  return lines.join('\n');
}
