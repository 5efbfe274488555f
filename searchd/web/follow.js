// Following a search: its Atom feed (/v1/feed with the search's query and
// filters), the newest matching paragraphs, for a feed reader or a mail
// gateway to watch. The page offers it with "Follow this search" and
// announces it in the head, where browsers and readers look for feeds.

import {clear, h} from './dom.js';
import {filterParams} from './state.js';

/** The feed's URL for the search `state`, absolute (for pasting into a reader). */
export function feedUrl(state) {
  return new URL(`/v1/feed?${filterParams(state)}`, location.href).href;
}

/** Points the head's feed link at the feed of `state`'s search. */
export function announceFeed(state) {
  let link = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!link) {
    link = h('link', {rel: 'alternate', type: 'application/atom+xml'});
    document.head.append(link);
  }
  link.href = feedUrl(state);
  link.title = state.q ? `New paragraphs on “${state.q}”` : 'New paragraphs';
}

/** The "Follow this search" button and the panel it opens. */
export function followControl(state) {
  const url = feedUrl(state);
  const panel = h('div', {class: 'menu-panel follow-panel', id: 'follow-panel', hidden: true});
  const input = h('input', {type: 'text', id: 'follow-url', class: 'follow-url', readonly: true, value: url,
                            onfocus: (e) => e.target.select()});
  const copied = h('span', {class: 'follow-copied', role: 'status'});
  const copy = async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      copied.textContent = 'Copied.';
    } catch (e) {
      copied.textContent = 'Selected: copy it with Ctrl+C.';
    }
  };
  panel.append(
    h('p', {class: 'menu-lede'}, 'A feed (Atom) of the newest paragraphs of this search, newest document first. ' +
                                 'Add it to a feed reader or a mail gateway to hear of new ones after each update ' +
                                 'of the archive.'),
    h('label', {for: 'follow-url', class: 'follow-label'}, 'Feed address'),
    h('span', {class: 'follow-row'}, input,
      h('button', {type: 'button', class: 'button-secondary', onclick: copy}, 'Copy')),
    copied,
    h('p', {class: 'follow-open'}, h('a', {href: url, target: '_blank', rel: 'noopener', class: 'follow-link'},
                                       'Open the feed')));
  const button = h('button', {type: 'button', class: 'button-secondary menu-button follow-button',
                              'aria-expanded': 'false', 'aria-controls': 'follow-panel',
                              onclick: () => {
                                const open = panel.hidden;
                                panel.hidden = !open;
                                button.setAttribute('aria-expanded', String(open));
                                clear(copied);
                                if (open) input.focus();
                              }}, 'Follow this search');
  return h('div', {class: 'menu follow'}, button, panel);
}
