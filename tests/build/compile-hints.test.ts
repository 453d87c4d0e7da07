import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { COMPILE_HINT, compileHints, withCompileHint } from '../../scripts/compile-hints.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function chunk(fileName: string, isEntry: boolean): OutputChunk {
  return { type: 'chunk', fileName, isEntry } as OutputChunk;
}

describe('compile hints (Vite plugin)', () => {
  it("puts V8's eager-compilation comment on the entry chunk's first line, ahead of Vite's preload map", async () => {
    dir = mkdtempSync(join(tmpdir(), 'compile-hints-'));
    const entry = 'const __vite__mapDeps=(i)=>i;\nexport const app = () => 1;\n';
    const lazy = 'export const importer = () => 2;\n';
    writeFileSync(join(dir, 'index.js'), entry);
    writeFileSync(join(dir, 'import.js'), lazy);
    const plugin = compileHints();
    const bundle = { 'index.js': chunk('index.js', true), 'import.js': chunk('import.js', false) } as unknown as OutputBundle;
    const writeBundle = plugin.writeBundle as (this: unknown, options: { dir: string }, bundle: OutputBundle) => Promise<void>;
    await writeBundle.call({}, { dir }, bundle);
    const written = readFileSync(join(dir, 'index.js'), 'utf8');
    // V8 reads it on the first line only: a second line leaves every function to be compiled on its first call.
    expect(written.split('\n')[0]).toBe(COMPILE_HINT);
    expect(written.slice(COMPILE_HINT.length + 1)).toBe(entry);
    // The lazy chunks (import, export, presentation) stay lazy: most pages never run them.
    expect(readFileSync(join(dir, 'import.js'), 'utf8')).toBe(lazy);
  });

  it('adds the comment once, whatever runs it twice', () => {
    expect(withCompileHint(withCompileHint('let a;'))).toBe(`${COMPILE_HINT}\nlet a;`);
  });
});
