// A JSON file in the app's own format → a validated dataset; syntax errors by line and column, hostile keys refused.
import type { DatasetProblem, DatasetResult } from './dataset.ts';
import { validateDataset } from './validate-dataset.ts';

// Keys that reach Object.prototype when a parsed object is later merged or assigned into another.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses JSON text in the dataset format, listing every problem by path; nothing is loaded if any is found. */
export function parseJsonDataset(text: string): DatasetResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [describeSyntaxError(text, error)] };
  }
  const hostile = findForbiddenKeys(value);
  if (hostile.length) return { ok: false, problems: hostile };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ where: '', message: `is not a Timeline Explorer dataset: expected a JSON object with 'countries', 'types' and 'events', found ${describeJsonType(value)}` }],
    };
  }
  const result = validateDataset(value, { maxProblems: Number.POSITIVE_INFINITY });
  // Opening a file replaces the user's timeline, so a file with nothing to show is refused, as a header-only CSV is.
  const events = 'events' in value ? value.events : undefined;
  if (!Array.isArray(events) || events.length) return result;
  return { ok: false, problems: [NO_EVENTS, ...(result.ok ? [] : result.problems)] };
}

const NO_EVENTS: DatasetProblem = { where: 'events', message: 'is an empty array; the file has no events to show' };

/** Lists every `__proto__`, `constructor` or `prototype` key with its path; walks iteratively so depth cannot overflow. */
export function findForbiddenKeys(value: unknown): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { path } = item;
    if (typeof item.value !== 'object' || item.value === null) continue;
    const children: { value: unknown; path: string }[] = [];
    if (Array.isArray(item.value)) {
      item.value.forEach((child: unknown, index) => children.push({ value: child, path: `${path}[${index}]` }));
    } else {
      for (const [key, child] of Object.entries(item.value)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push({ where: path || 'top level', message: `key '${key}' is not allowed` });
        else children.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
    // Pushed last-first so the stack visits children in document order; a loop, as a spread of a huge array overflows.
    for (const child of children.reverse()) stack.push(child);
  }
  return problems;
}

/** Where JSON.parse gave up, found by our own scan: engines word their messages differently and not all give a place. */
export function locateJsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const closers: ('}' | ']')[] = [];
  let expect: Expect = 'value';
  let at = 0;
  const afterValue = (): Expect => (closers.length ? 'comma-or-close' : 'end');
  const fail = (reason: string) => ({ offset: at, reason });

  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
    if (at >= text.length) return expect === 'end' ? undefined : fail('the file ends before the JSON is complete');
    const char = text.charAt(at);
    const shown = describeChar(char);
    switch (expect) {
      case 'end':
        return fail(`unexpected ${shown} after the end of the JSON value`);
      case 'colon':
        if (char !== ':') return fail(`expected ':' after a property name, found ${shown}`);
        at += 1;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const closer = closers[closers.length - 1];
        if (char === ',') {
          at += 1;
          expect = closer === '}' ? 'key' : 'value';
        } else if (char === closer) {
          at += 1;
          closers.pop();
          expect = afterValue();
        } else {
          return fail(`expected ',' or '${closer ?? ''}', found ${shown}`);
        }
        break;
      }
      case 'key':
      case 'key-or-close':
        if (char === '}' && expect === 'key-or-close') {
          at += 1;
          closers.pop();
          expect = afterValue();
        } else if (char === '"') {
          const end = scanString(text, at);
          if (typeof end !== 'number') return { offset: end.offset, reason: end.reason };
          at = end;
          expect = 'colon';
        } else {
          return fail(`expected a property name in double quotes, found ${shown}${char === '}' ? ' (a trailing comma?)' : ''}`);
        }
        break;
      case 'value':
      case 'value-or-close': {
        if (char === ']' && expect === 'value-or-close') {
          at += 1;
          closers.pop();
          expect = afterValue();
          break;
        }
        if (char === '{' || char === '[') {
          closers.push(char === '{' ? '}' : ']');
          at += 1;
          expect = char === '{' ? 'key-or-close' : 'value-or-close';
          break;
        }
        const end = scanScalar(text, at);
        if (end === undefined) return fail(`expected a value, found ${shown}${char === ']' ? ' (a trailing comma?)' : ''}`);
        if (typeof end !== 'number') return { offset: end.offset, reason: end.reason };
        at = end;
        expect = afterValue();
        break;
      }
    }
  }
}

/** 1-based line and column of a character offset. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function describeSyntaxError(text: string, error: unknown): DatasetProblem {
  const located = locateJsonSyntaxError(text);
  if (!located) return { where: '', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  const { line, column } = toLineColumn(text, located.offset);
  return { where: `line ${line}, column ${column}`, message: `is not valid JSON: ${located.reason}` };
}

function scanScalar(text: string, start: number): number | { offset: number; reason: string } | undefined {
  const char = text.charAt(start);
  if (char === '"') return scanString(text, start);
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    return match ? start + match[0].length : { offset: start, reason: 'a number is malformed' };
  }
  return undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanString(text: string, start: number): number | { offset: number; reason: string } {
  for (let at = start + 1; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code < 0x20) return { offset: at, reason: 'a string contains a line break or control character (write \\n for a line break)' };
    if (code === 0x5c) {
      const escape = text.charAt(at + 1);
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 5;
      else if ('"\\/bfnrt'.includes(escape) && escape !== '') at += 1;
      else return { offset: at, reason: `a string has an invalid escape '\\${escape}'` };
    }
  }
  return { offset: start, reason: 'a string is never closed: a closing " is missing' };
}

function describeChar(char: string): string {
  return /^[\x21-\x7e]$/.test(char) ? `'${char}'` : `character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
