// Delegations side by side (/?compare=BRA,IND,ZAF&q=...): for the search's
// query and filters, one column per delegation and one row per year (or
// session), each cell the delegation's number of paragraphs there and its
// best statements, from /v1/compare.

import {api} from './api.js';
import {clear, formatNumber, h, snippetNodes} from './dom.js';
import {FIELD_NAMES, learnName, sessionLabel} from './labels.js';
import {profileLink} from './profile.js';
import {copyState, filterParams, paragraphAnchor, stateUrl} from './state.js';

const TOP = 3;  // statements per cell

function cellStatements(hits, state) {
  return h('ol', {class: 'compare-hits'}, hits.map((hit) => {
    const docState = copyState(state);
    docState.doc = hit.doc_id;
    const href = stateUrl(docState, {hash: `#${paragraphAnchor(hit.paragraph, hit.passage_id)}`});
    const where = [hit.title || hit.doc_id, hit.paragraph !== null ? `¶ ${hit.paragraph}` : null].filter(Boolean)
      .join(' · ');
    return h('li', {}, h('a', {class: 'compare-where', href}, where), h('p', {class: 'hit-snippet'}, snippetNodes(hit.snippet)));
  }));
}

// The search's results for one cell: the delegation, and the year or session.
function cellUrl(state, code, by, value) {
  const next = copyState(state);
  next.filters.country = [code];
  next.filters[by] = [String(value)];
  next.page = 1;
  return stateUrl(next, {compare: []});
}

function searchText(state) {
  const parts = [state.q ? `“${state.q}”` : 'all paragraphs'];
  for (const [field, values] of Object.entries(state.filters)) {
    if (field !== 'country' && values.length) parts.push(`${FIELD_NAMES[field]}: ${values.join(', ')}`);
  }
  return parts.join(' · ');
}

/**
 * Renders the comparison of `state.compare` into `view`. `onBack(event)`
 * handles the way back to the search. Rejects with the API's error (or
 * AbortError).
 */
export async function renderCompare(view, state, {signal, onBack}) {
  clear(view);
  view.setAttribute('aria-busy', 'true');
  const back = h('a', {class: 'back-link', href: stateUrl(state, {compare: []}), onclick: onBack},
                 h('span', {'aria-hidden': 'true'}, '← '), 'Back to results');
  view.append(h('nav', {class: 'doc-nav', 'aria-label': 'Comparison'}, back),
              h('p', {class: 'loading'}, 'Comparing…'));
  const params = filterParams(state, {except: 'country'});
  params.set('delegations', state.compare.join(','));
  params.set('by', state.by);
  params.set('top', String(TOP));
  const result = await api.compare(params, signal);
  for (const d of result.delegations) learnName('country', d.code, d.name);

  const byLink = (by, label) => {
    const next = copyState(state);
    next.by = by;
    return by === state.by ? h('span', {class: 'compare-by-current', 'aria-current': 'true'}, label)
                           : h('a', {href: stateUrl(next), class: 'compare-by-link'}, label);
  };
  const rowLabel = (value) => (result.by === 'session' ? sessionLabel(value) : String(value));
  const table = h('table', {class: 'compare-table'},
    h('caption', {class: 'visually-hidden'}, `Paragraphs by ${result.by} and delegation`),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, result.by === 'session' ? 'Session' : 'Year'),
      result.delegations.map((d) => h('th', {scope: 'col', dataset: {country: d.code}},
        h('span', {class: 'compare-name'}, d.name), profileLink(state, 'country', d.code, d.name),
        h('span', {class: 'compare-total'}, `${formatNumber(d.total)} ${d.total === 1 ? 'paragraph' : 'paragraphs'}`))))),
    h('tbody', {}, result.rows.map((row) => h('tr', {dataset: {value: String(row.value)}},
      h('th', {scope: 'row'}, rowLabel(row.value)),
      row.cells.map((cell, k) => h('td', {dataset: {country: result.delegations[k].code, count: String(cell.count)}},
        cell.count
          ? [h('span', {class: 'compare-count'}, `${formatNumber(cell.count)} ${cell.count === 1 ? 'paragraph' : 'paragraphs'}`),
             cellStatements(cell.hits, state),
             cell.count > cell.hits.length
               ? h('a', {class: 'compare-more', href: cellUrl(state, result.delegations[k].code, result.by, row.value)},
                   `All ${formatNumber(cell.count)}`)
               : null]
          : h('span', {class: 'compare-none'}, '–')))))));

  clear(view);
  view.append(
    h('nav', {class: 'doc-nav', 'aria-label': 'Comparison'}, back,
      h('span', {class: 'doc-nav-title', 'aria-hidden': 'true'}, 'Compare delegations')),
    h('header', {class: 'doc-header'},
      h('p', {class: 'doc-kicker'}, 'Compare delegations'),
      h('h2', {id: 'compare-title', class: 'doc-title', tabindex: '-1'}, result.delegations.map((d) => d.name).join(' · ')),
      h('p', {class: 'compare-search'}, `For ${searchText(state)}.`),
      h('p', {class: 'compare-by'}, 'Rows: ', byLink('year', 'by year'), ' · ', byLink('session', 'by session'))),
    result.rows.length
      ? h('div', {class: 'table-scroll compare-scroll'}, table)
      : h('p', {class: 'compare-empty'}, 'None of these delegations has a paragraph for this search.'));
  view.removeAttribute('aria-busy');
  document.title = `Compare ${result.delegations.map((d) => d.name).join(', ')} — CSTD Archive Search`;
  window.scrollTo(0, 0);
  view.querySelector('#compare-title').focus({preventScroll: true});
}
