// The built-in records as the end-to-end tests expect to see them, read straight from data/.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventRecord } from '../../../src/domain/schema.ts';
import { projectRoot } from './browser.ts';

export function builtinEvents(): EventRecord[] {
  const dir = resolve(projectRoot, 'data', 'events');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as EventRecord[]);
}
