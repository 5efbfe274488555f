// Citing a paragraph: the API's `citation` string ("E/CN.16/2022/CRP.1,
// para. 20", "Brazil, General Debate, 78th session (2023), para. 12") and a
// "Copy citation" button beside it, in the results and the document view.

import {h} from './dom.js';

// The clipboard API exists only in secure contexts (https, localhost); a
// page served over http elsewhere copies through a selected text area.
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = h('textarea', {class: 'visually-hidden', readonly: true, 'aria-hidden': 'true'});
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy');
}

/** The citation and its "Copy citation" button, for a hit or a paragraph. */
export function citationLine(citation) {
  if (!citation) return null;
  const status = h('span', {class: 'cite-status', role: 'status', 'aria-live': 'polite'});
  const button = h('button', {type: 'button', class: 'link-button cite-copy', 'data-citation': citation,
                              title: `Copy "${citation}"`}, 'Copy citation');
  button.addEventListener('click', async () => {
    try {
      await copyText(citation);
      status.textContent = 'Copied';
    } catch (e) {
      status.textContent = `Not copied: ${e.message}`;
    }
    setTimeout(() => { status.textContent = ''; }, 2500);
  });
  return h('p', {class: 'cite'}, h('cite', {class: 'cite-text'}, citation), ' ', button, ' ', status);
}
