// The built app's Content-Security-Policy: no inline or eval'd script, no plugins, no foreign base URL.
// Injected as a <meta> tag at build time (the dev server needs inline scripts for hot reload) and written to
// dist/_headers for hosts that read one (Netlify, Cloudflare Pages), where frame-ancestors also works.
import type { Plugin } from 'vite';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // Datasets may be loaded from any HTTPS host that allows it by CORS (data=<url>).
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const META_CSP = DIRECTIVES.join('; ');

/**
 * Full pages may only be framed by themselves; embed.html (the same app, for iframes with embed=1) may be framed
 * anywhere. A header must name a path, and embed=1 is a query, hence the second file.
 */
export const HEADERS_FILE = `/*
  Content-Security-Policy: ${META_CSP}; frame-ancestors 'self'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

/embed.html
  ! Content-Security-Policy
  Content-Security-Policy: ${META_CSP}; frame-ancestors *
`;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'timeline-explorer-csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' }];
    },
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: '_headers', source: HEADERS_FILE });
      const index = bundle['index.html'];
      if (index?.type === 'asset') this.emitFile({ type: 'asset', fileName: 'embed.html', source: index.source });
    },
  };
}
