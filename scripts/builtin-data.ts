// Reads the built-in stories from data/ (one file per collection, or one per story) and validates them, naming every
// problem by file, record and field. Runs in Node: at build time (builtin-dataset-plugin.ts), in
// `npm run validate-data`, and in tests that need the records outside the app.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { assembleDataset, collectionOfPath, type DataFile } from '../src/domain/assemble.ts';
import type { DatasetProblem, DatasetResult, ValidateOptions } from '../src/domain/dataset.ts';
import { validateDataset } from '../src/domain/validate-dataset.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export interface BuiltinData {
  /** Every JSON file under data/, absolute paths: what a dev server watches. */
  readonly files: readonly string[];
  readonly result: DatasetResult;
  /** Names the file a record came from and its place there, e.g. "data/events/iran.json [3]". */
  readonly describeRecord: NonNullable<ValidateOptions['describeRecord']>;
}

/** Reads and validates root/data/; problems with a file itself (bad JSON, not an array) come before any record's. */
export function loadBuiltinData(root: string = PROJECT_ROOT, options: Pick<ValidateOptions, 'maxProblems'> = {}): BuiltinData {
  const files = listJson(join(root, 'data'));
  const dataFiles: DataFile[] = [];
  const fileProblems: DatasetProblem[] = [];
  for (const absolute of files) {
    const path = relative(root, absolute).split('\\').join('/');
    const collection = collectionOfPath(path);
    if (!collection) continue;
    try {
      dataFiles.push({ path, collection, content: JSON.parse(readFileSync(absolute, 'utf8')) as unknown });
    } catch (error) {
      fileProblems.push({ where: path, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  const assembled = assembleDataset(dataFiles);
  fileProblems.push(...assembled.fileProblems);
  // A broken file would make records elsewhere look wrong (unknown actors, say): report the file alone.
  const result: DatasetResult = fileProblems.length
    ? { ok: false, problems: fileProblems }
    : validateDataset(assembled.input, { describeRecord: assembled.describeRecord, maxProblems: options.maxProblems });
  return { files, result, describeRecord: assembled.describeRecord };
}

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listJson(path);
      return name.endsWith('.json') ? [path] : [];
    });
}
