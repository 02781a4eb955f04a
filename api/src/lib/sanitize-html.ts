import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

// One window for the life of the process: creating a JSDOM per call is slow.
const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);

/**
 * Organiser-written HTML (html questions, completion texts) keeps text
 * formatting and links only: no scripts, styles, forms, frames or media, and
 * no URL scheme but http(s), mailto and tel. The browser sanitises again
 * before it renders.
 */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'img', 'picture', 'video', 'audio', 'source', 'track', 'svg', 'math', 'template'],
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'background'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/(?!\/))/i,
  });
}
