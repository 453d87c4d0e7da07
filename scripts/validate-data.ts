// npm run validate-data: validates data/ against the schema and the built-in rules (summary, source, quote and
// publication date everywhere, though imported data may leave them out), checks every quote verbatim in its article
// (when ../shared/sources/ is present) and prints counts per story, type and precision.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBuiltinCompleteness } from '../src/domain/builtin-rules.ts';
import { formatProblem } from '../src/domain/dataset.ts';
import { findMissingQuotes } from '../src/domain/quotes.ts';
import { PROJECT_ROOT, loadBuiltinData } from './builtin-data.ts';

const sourcesDir = process.env.SOURCES_DIR ?? resolve(PROJECT_ROOT, '..', 'shared', 'sources');

const { result, describeRecord } = loadBuiltinData(PROJECT_ROOT, { maxProblems: 1000 });
const problems: string[] = result.ok ? [] : result.problems.map(formatProblem);

if (result.ok) {
  const { dataset } = result;
  problems.push(...checkBuiltinCompleteness(dataset, describeRecord).map(formatProblem));
  if (existsSync(sourcesDir)) {
    const articles = new Map<string, string>();
    for (const source of dataset.sources) {
      if (source.file && existsSync(join(sourcesDir, source.file))) articles.set(source.id, readFileSync(join(sourcesDir, source.file), 'utf8'));
      else problems.push(`data/sources.json, source '${source.id}': article file '${source.file ?? '(none)'}' not found in ${sourcesDir}`);
    }
    for (const missing of findMissingQuotes(dataset, articles)) problems.push(formatProblem(missing));
    console.log(`Quotes: checked ${dataset.events.length} against ${articles.size} articles in ${sourcesDir}.`);
  } else {
    console.log(`Quotes: not checked verbatim; the articles folder ${sourcesDir} is not present (set SOURCES_DIR to check).`);
  }
  const count = (key: (event: (typeof dataset.events)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const event of dataset.events) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
  };
  console.log(`Events: ${dataset.events.length} (${dataset.events.filter((event) => event.context).length} context), actors: ${dataset.actors.length}, types: ${dataset.types.length}`);
  console.log(`By story: ${count((event) => event.story)}`);
  console.log(`By type: ${count((event) => event.type)}`);
  console.log(`By precision: ${count((event) => event.precision)}`);
}

if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in data/:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('data/ is valid.');
