// Builds one dataset from the built-in data/ files (one file per collection, or several per collection),
// remembering which file each record came from so that problems name the file.
import { COLLECTIONS, type Collection, type ValidateOptions } from './dataset.ts';

export interface DataFile {
  /** Path shown in messages, e.g. "data/events/iran.json". */
  readonly path: string;
  readonly collection: Collection;
  readonly content: unknown;
}

export interface AssembledDataset {
  readonly input: Record<Collection, unknown[]>;
  readonly describeRecord: NonNullable<ValidateOptions['describeRecord']>;
  /** Problems with the files themselves (not an array, for instance). */
  readonly fileProblems: { where: string; message: string }[];
}

export function assembleDataset(files: readonly DataFile[]): AssembledDataset {
  const input = emptyCollections<unknown>();
  const origins = emptyCollections<{ path: string; offset: number }>();
  const fileProblems: AssembledDataset['fileProblems'] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!Array.isArray(file.content)) {
      fileProblems.push({ where: file.path, message: `must hold a JSON array of ${file.collection}` });
      continue;
    }
    origins[file.collection].push({ path: file.path, offset: input[file.collection].length });
    input[file.collection].push(...(file.content as unknown[]));
  }
  const describeRecord = (collection: Collection, index: number) => {
    const origin = [...origins[collection]].reverse().find((candidate) => candidate.offset <= index);
    return origin ? `${origin.path} [${index - origin.offset}]` : `${collection}[${index}]`;
  };
  return { input, describeRecord, fileProblems };
}

/** Which collection a data/ path holds: data/types.json → types, data/events/iran.json → events. */
export function collectionOfPath(path: string): Collection | undefined {
  const match = /(?:^|\/)data\/(?:(sources|stories|countries|types|actors|events|tours)\.json|(actors|events|tours)\/[^/]+\.json)$/.exec(path);
  return (match?.[1] ?? match?.[2]) as Collection | undefined;
}

function emptyCollections<T>(): Record<Collection, T[]> {
  return Object.fromEntries(COLLECTIONS.map((collection) => [collection, []])) as unknown as Record<Collection, T[]>;
}
