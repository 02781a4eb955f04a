import { createRequire } from 'node:module';
import createDOMPurify from 'dompurify';
import type * as Jsdom from 'jsdom';

type Purifier = ReturnType<typeof createDOMPurify>;
let purifier: Purifier | undefined;

/**
 * One window for the life of the process (a JSDOM per call is slow), made on
 * first use: loading jsdom takes about half a second, which the server's start
 * should not pay when nothing needs sanitising yet.
 */
function purify(): Purifier {
  if (!purifier) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as typeof Jsdom;
    purifier = createDOMPurify(new JSDOM('').window);
  }
  return purifier;
}

/**
 * Organiser-written HTML (html questions, completion texts) keeps text
 * formatting and links only: no scripts, styles, forms, frames or media, and
 * no URL scheme but http(s), mailto and tel. The browser sanitises again
 * before it renders.
 */
export function sanitizeHtml(html: string): string {
  return purify().sanitize(html, {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'frame',
      'object',
      'embed',
      'link',
      'meta',
      'base',
      'img',
      'picture',
      'video',
      'audio',
      'source',
      'track',
      'svg',
      'math',
      'template',
    ],
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'background'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/(?!\/))/i,
  });
}
