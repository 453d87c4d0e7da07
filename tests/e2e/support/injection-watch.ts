// In the page: a sentinel that hostile strings would call (window.__xss) and a watch for what they must never create
// (elements with on* handlers, script-like elements, javascript:/data: URLs), installed before the app starts.
// Kept as a plain script string so no bundler helper sneaks into the page. Mirrors tests/support/injection-watch.ts.
import type { Page } from 'playwright-core';

const WATCH_SCRIPT = `(() => {
  const problems = [];
  window.__xssCalls = [];
  window.__xss = (...args) => window.__xssCalls.push(args.map(String).join(','));
  window.__injections = problems;
  const hostileTags = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'img',
    'video', 'audio', 'source', 'math', 'mtext', 'mglyph', 'maction', 'marquee', 'isindex', 'xss', 'style', 'form',
    'foreignobject', 'animate', 'set', 'use', 'noscript']);
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'background', 'poster']);
  const dangerousUrl = (value) => /^(javascript|vbscript|data):/i.test(value.replace(/[\\u0000-\\u0020\\s]/g, ''));
  // The page's own <head> (its scripts, styles and preloads) and the <noscript> note it ships are not injected text.
  const ownMarkup = (element) =>
    element.closest('head') !== null || (element.tagName === 'NOSCRIPT' && element.parentElement === document.body);
  const inspect = (element) => {
    if (ownMarkup(element)) return;
    const tag = element.tagName.toLowerCase();
    const where = '<' + tag + '>';
    if (hostileTags.has(tag)) problems.push(where + ' element created');
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(where + ' has handler attribute ' + name);
      if (urlAttributes.has(name) && dangerousUrl(attribute.value)) problems.push(where + ' ' + name + '=' + attribute.value.slice(0, 80));
    }
  };
  const inspectTree = (node) => {
    if (!(node instanceof Element)) return;
    inspect(node);
    for (const element of Array.from(node.querySelectorAll('*'))) inspect(element);
  };
  // Watching starts before the parser adds anything, so nothing the app or an injection adds is missed.
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') inspect(mutation.target);
      for (const node of Array.from(mutation.addedNodes)) inspectTree(node);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** Installs the sentinel and the watch for every document the page loads from now on. */
export async function installInjectionWatch(page: Page): Promise<void> {
  await page.addInitScript({ content: WATCH_SCRIPT });
}

/** Sentinel calls and injected elements seen since the current document loaded. */
export function injectionReport(page: Page): Promise<{ calls: string[]; injections: string[] }> {
  return page.evaluate(() => {
    const seen = window as unknown as { __xssCalls?: string[]; __injections?: string[] };
    return { calls: [...(seen.__xssCalls ?? ['watch not installed'])], injections: [...(seen.__injections ?? ['watch not installed'])] };
  });
}
