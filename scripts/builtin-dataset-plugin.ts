// The built-in stories as the module `virtual:builtin-dataset`: data/ is read and validated at build time, so a broken
// record fails `vite build` (and shows in `vite dev`'s error overlay) with every problem named, and the browser gets
// data it can trust without shipping the validator (zod) up front.
import { resolve } from 'node:path';
import { type Plugin, normalizePath } from 'vite';
import { formatProblem } from '../src/domain/dataset.ts';
import type { DatasetResult } from '../src/domain/dataset.ts';
import { loadBuiltinData } from './builtin-data.ts';

export const BUILTIN_DATASET_ID = 'virtual:builtin-dataset';
const RESOLVED_ID = `\0${BUILTIN_DATASET_ID}`;

/** The module's code for a validated dataset; throws listing every problem with its place if it is not valid. */
export function builtinDatasetCode(result: DatasetResult): string {
  if (!result.ok) {
    const count = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
    throw new Error(`The built-in stories in data/ are not valid (${count}):\n${result.problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`);
  }
  // A JSON string parses faster than the same data as an object literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.dataset))});\n`;
}

export function builtinDataset(): Plugin {
  let root = process.cwd();
  return {
    name: 'timeline-explorer-builtin-dataset',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === BUILTIN_DATASET_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const data = loadBuiltinData(root);
      // For `vite build --watch`; the dev server does not link files watched from `load` (vitejs/vite#18103): hotUpdate.
      for (const file of data.files) this.addWatchFile(file);
      return builtinDatasetCode(data.result);
    },
    // A file under data/ changed, appeared or went: rebuild the module and reload the page (nothing accepts it).
    hotUpdate({ file, modules }) {
      const dataDir = `${normalizePath(resolve(root, 'data'))}/`;
      if (!file.startsWith(dataDir) || !file.endsWith('.json')) return undefined;
      const module = this.environment.moduleGraph.getModuleById(RESOLVED_ID);
      return module ? [...modules, module] : undefined;
    },
  };
}
