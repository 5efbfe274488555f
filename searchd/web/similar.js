// "Similar statements by other delegations" under a paragraph of the
// document view: /v1/passages/{passage_id}/similar, the paragraphs most like
// it, leaving out those its own delegations spoke (other_delegations), so a
// delegate sees who else said it. Loaded when opened.

import {api} from './api.js';
import {clear, formatNumber, h, snippetNodes} from './dom.js';
import {countryName, learnNames} from './labels.js';
import {emptyState, paragraphAnchor, stateUrl} from './state.js';

const SHOWN = 5;  // statements listed: a glance at who else said it

function statement(hit) {
  const next = emptyState();
  next.doc = hit.doc_id;
  const href = stateUrl(next, {hash: `#${paragraphAnchor(hit.paragraph, hit.passage_id)}`});
  const who = hit.countries.length ? hit.countries.map((c) => c.name).join(', ')
                                   : hit.speakers.map((s) => s.name).join(', ') || 'No delegation named';
  const where = [hit.title || hit.doc_id, hit.year, hit.paragraph !== null ? `¶ ${hit.paragraph}` : null]
    .filter(Boolean).join(' · ');
  return h('li', {class: 'similar-item'},
    h('p', {class: 'similar-who'}, h('strong', {}, who)),
    h('p', {class: 'similar-where'}, h('a', {href}, where)),
    h('p', {class: 'hit-snippet'}, snippetNodes(hit.snippet)));
}

/**
 * The button and the list for `paragraph` (of /v1/documents/{doc_id}); the
 * list is filled from the API when first opened.
 */
export function similarControl(paragraph, state) {
  const others = paragraph.countries.length > 0;
  const label = others ? 'Similar statements by other delegations' : 'Similar statements';
  const id = `similar-${paragraph.passage_id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const list = h('div', {class: 'similar', id, hidden: true});
  let loaded = false;
  const load = async () => {
    clear(list).append(h('p', {class: 'loading'}, 'Looking for similar statements…'));
    try {
      const params = {per_page: String(SHOWN), facets: 'country'};
      if (others) params.other_delegations = 'true';
      const result = await api.similar(paragraph.passage_id, params);
      learnNames(result);
      clear(list);
      if (!result.hits.length) {
        list.append(h('p', {class: 'similar-none'}, 'No similar statement found.'));
        return;
      }
      const countries = (result.facets.country || []).slice(0, 8);
      list.append(
        h('p', {class: 'similar-lede'},
          `${formatNumber(result.total)} paragraphs share words with this one${others ? ' outside its delegations' : ''}; ` +
          'the closest:'),
        h('ol', {class: 'similar-list'}, result.hits.map(statement)),
        countries.length
          ? h('p', {class: 'similar-countries'}, 'Most often among them: ',
              countries.map((c, i) => [i ? ', ' : '', `${countryName(c.value)} (${formatNumber(c.count)})`]))
          : null);
      loaded = true;
    } catch (e) {
      clear(list).append(h('p', {class: 'error', role: 'alert'}, `Similar statements could not be loaded: ${e.message}`));
    }
  };
  const button = h('button', {type: 'button', class: 'link-button similar-button', 'aria-expanded': 'false',
                              'aria-controls': id,
                              onclick: () => {
                                const open = list.hidden;
                                list.hidden = !open;
                                button.setAttribute('aria-expanded', String(open));
                                if (open && !loaded && !list.querySelector('.loading')) load();
                              }}, label);
  return [button, list];
}

