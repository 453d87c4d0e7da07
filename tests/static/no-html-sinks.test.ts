// @vitest-environment node
// Record text is never HTML: the ways to parse a string as HTML are absent from app code, and lint stops them coming back.
import { readFileSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BANNED = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML', 'document.write', 'srcdoc', 'createContextualFragment', 'DOMParser'];
// vis-timeline's own filter, turned off: `xss: { disabled: true }` in any spacing.
const XSS_DISABLED = /xss\s*:\s*\{[^}]*disabled/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|jsx?|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML sinks in app code', () => {
  it('src/ and index.html never mention innerHTML, dangerouslySetInnerHTML, other HTML sinks or a disabled XSS filter', () => {
    const found: string[] = [];
    for (const file of [...sourceFiles(resolve(ROOT, 'src')), resolve(ROOT, 'index.html')]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, position) => {
        for (const word of BANNED) if (line.includes(word)) found.push(`${relative(ROOT, file)}:${position + 1}: ${word}`);
        if (XSS_DISABLED.test(line)) found.push(`${relative(ROOT, file)}:${position + 1}: xss disabled`);
      });
    }
    expect(found).toEqual([]);
  });
});

describe('the lint config forbids HTML sinks in src/', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (code: string, filePath = 'src/components/probe.tsx') => {
    const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
    return (result?.messages ?? []).filter((message) => message.severity === 2).map((message) => message.ruleId);
  };

  it.each([
    ['innerHTML', 'export function show(element: HTMLElement, text: string) {\n  element.innerHTML = text;\n}\n'],
    ['outerHTML', 'export function show(element: HTMLElement, text: string) {\n  element.outerHTML = text;\n}\n'],
    ['insertAdjacentHTML', "export function show(element: HTMLElement, text: string) {\n  element.insertAdjacentHTML('beforeend', text);\n}\n"],
    ['dangerouslySetInnerHTML', 'export function Show({ text }: { text: string }) {\n  return <p dangerouslySetInnerHTML={{ __html: text }} />;\n}\n'],
    ['xss disabled', 'export const options = { xss: { disabled: true } };\n'],
  ])('reports %s as an error', async (_name, code) => {
    expect(await lint(code)).toContain('no-restricted-syntax');
  }, 30_000);

  it('accepts the same text set with textContent (so the rule is not simply failing everything)', async () => {
    expect(await lint('export function show(element: HTMLElement, text: string) {\n  element.textContent = text;\n}\n')).toEqual([]);
  }, 30_000);
});
