import DOMPurify from 'dompurify';

/**
 * Organiser-written HTML (html elements, completion texts) before it reaches
 * the page: text formatting and links only. The server sanitises on save as
 * well; this guards drafts that were never saved. Style attributes go too,
 * because the page's CSP would refuse them.
 */
export function sanitizeSurveyHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
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
      'svg',
      'math',
      'template',
    ],
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'background'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/(?!\/))/i,
  });
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text to put into HTML as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
