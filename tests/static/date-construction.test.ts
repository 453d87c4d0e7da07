// @vitest-environment node
// "Never `new Date(string)` outside src/domain/partial-date.ts": a string date is parsed differently by each browser
// and time zone, and a digit-only one ("1979") is not even a year. Checked with the type checker, so a string hidden in
// a variable is caught as surely as a literal.
import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DATE_MODULE = 'src/domain/partial-date.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every `new Date(…)` or `Date(…)` whose argument is not a number or a Date, outside the date module. */
function findStringDates(files: readonly string[]): string[] {
  const config = ts.readConfigFile(resolve(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const isNumberOrDate = (node: ts.Expression) => {
    const type = checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((part) => (part.flags & ts.TypeFlags.NumberLike) !== 0 || checker.typeToString(part) === 'Date');
  };
  for (const file of files) {
    const name = relative(ROOT, file);
    if (name === DATE_MODULE) continue;
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node) => {
      const isDateCall =
        (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'Date';
      const isDateParse =
        ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.getText(source) === 'Date.parse';
      if (isDateParse || (isDateCall && (node.arguments ?? []).some((argument) => !isNumberOrDate(argument)))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${name}:${line + 1}: ${node.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('dates are built from numbers, never parsed from strings', () => {
  it(`has no new Date(string), Date(string) or Date.parse in src/ outside ${DATE_MODULE}`, () => {
    expect(findStringDates(sourceFiles(resolve(ROOT, 'src')))).toEqual([]);
  }, 60_000);

  it('catches a string date, literal or in a variable, and lets numbers and Dates through', () => {
    const probe = resolve(ROOT, 'tests/static/fixtures/string-dates.ts');
    expect(findStringDates([probe]).map((line) => line.replace(/^[^:]+:\d+: /, ''))).toEqual([
      "new Date('1979')",
      'new Date(text)',
      'new Date(`${year}-01-01`)',
      'new Date(numberOrText)',
      "Date.parse('2007-12-27')",
    ]);
  }, 60_000);
});
