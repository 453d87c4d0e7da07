// Watches the DOM for what hostile text must never create: elements with on* handlers, script-like elements,
// javascript:/data: URLs in attributes. Records transient nodes too, so a payload that is added and removed is caught.

const HOSTILE_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'img', 'video', 'audio', 'source',
  'math', 'mtext', 'mglyph', 'maction', 'marquee', 'isindex', 'xss', 'style', 'form', 'foreignobject', 'animate', 'set',
  'use', 'noscript',
]);
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'background', 'poster']);
// Browsers ignore leading spaces and controls, and tabs and newlines anywhere, in a URL's scheme.
const isDangerousUrl = (value: string) => /^(javascript|vbscript|data):/i.test(value.replace(/[\p{Cc}\s]/gu, ''));

/** Problems with one element (not its descendants). */
export function inspectElement(element: Element): string[] {
  const problems: string[] = [];
  const tag = element.tagName.toLowerCase();
  const where = `<${tag}${element.id ? `#${element.id}` : ''}>`;
  if (HOSTILE_TAGS.has(tag)) problems.push(`${where} element created`);
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on')) problems.push(`${where} has handler attribute ${name}`);
    if (URL_ATTRIBUTES.has(name) && isDangerousUrl(attribute.value)) problems.push(`${where} ${name}=${attribute.value.slice(0, 80)}`);
    if (name === 'style' && /javascript:|expression\(/i.test(attribute.value)) problems.push(`${where} style=${attribute.value.slice(0, 80)}`);
  }
  return problems;
}

/** Problems in a subtree, root included. */
export function inspectTree(root: Element): string[] {
  return [root, ...Array.from(root.querySelectorAll('*'))].flatMap(inspectElement);
}

export interface InjectionWatch {
  /** Stops watching; returns every problem seen, in added or changed nodes and in the final body. */
  stop(): string[];
}

export function watchForInjection(root: Element = document.body): InjectionWatch {
  const problems = new Set<string>();
  const record = (mutations: MutationRecord[]) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) {
        for (const problem of inspectElement(mutation.target)) problems.add(problem);
      }
      for (const node of Array.from(mutation.addedNodes)) {
        if (node instanceof Element) for (const problem of inspectTree(node)) problems.add(problem);
      }
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(root, { subtree: true, childList: true, attributes: true });
  return {
    stop() {
      record(observer.takeRecords());
      observer.disconnect();
      for (const problem of inspectTree(root)) problems.add(problem);
      return [...problems];
    },
  };
}
