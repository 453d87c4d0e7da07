// The three built-in stories, bundled from data/ at build time and validated like any other dataset.
import { assembleDataset, collectionOfPath, type DataFile } from '../domain/assemble.ts';
import type { DatasetResult } from '../domain/dataset.ts';
import { validateDataset } from '../domain/validate-dataset.ts';

const modules = import.meta.glob<unknown>('../../data/**/*.json', { eager: true, import: 'default' });

export function loadBuiltinDataset(): DatasetResult {
  const files: DataFile[] = [];
  for (const [modulePath, content] of Object.entries(modules)) {
    const path = modulePath.replace(/^(\.\.\/)+/, '');
    const collection = collectionOfPath(path);
    if (collection) files.push({ path, collection, content });
  }
  const assembled = assembleDataset(files);
  if (assembled.fileProblems.length) return { ok: false, problems: assembled.fileProblems };
  return validateDataset(assembled.input, { describeRecord: assembled.describeRecord });
}
