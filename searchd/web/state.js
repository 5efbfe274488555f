// The page's state lives in its URL, under the API's parameter names, so a
// link reproduces a search: /?q=internet+governance&country=JPN&year=2020..2024
// Only `doc` (the document open in the document view), `person` and
// `delegation` (a speaker's or a delegation's page), `as_typed` (search the
// query as typed, not the API's suggestion for it) and the #p37 anchor are
// the page's own; `compare` (delegations side by side) and `by` are
// /v1/compare's `delegations` and `by`.

// The search fields, as the server's table has them (fields.js is generated
// by cstd-searchd from query/search_fields.h).
import {FILTER_FIELDS} from './fields.js';

export {FILTER_FIELDS};
export const PER_PAGE = 20;
// The API serves results down to this depth (query::kMaxDepth).
export const MAX_DEPTH = 10000;

export function emptyState() {
  const filters = {};
  for (const field of FILTER_FIELDS) filters[field] = [];
  return {q: '', filters, sort: 'relevance', group: 'passage', page: 1, doc: null, person: null, delegation: null,
          asTyped: false, compare: [], by: 'year'};
}

/** The state of a URL (a Location or URL). */
export function readState(url) {
  const params = new URLSearchParams(url.search);
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const field of FILTER_FIELDS) {
    for (const value of params.getAll(field)) {
      for (const item of value.split(',')) {
        const v = item.trim();
        if (v && !state.filters[field].includes(v)) state.filters[field].push(v);
      }
    }
  }
  state.sort = params.get('sort') || 'relevance';
  state.group = params.get('group') || 'passage';
  const page = Number(params.get('page') || '1');
  // Passed on as written when malformed, for the API to explain.
  state.page = Number.isInteger(page) && page >= 1 ? page : params.get('page');
  state.doc = params.get('doc') || null;
  state.person = params.get('person') || null;
  state.delegation = params.get('delegation') || null;
  state.asTyped = params.get('as_typed') === '1';
  state.compare = (params.get('compare') || '').split(',').map((v) => v.trim()).filter(Boolean);
  state.by = params.get('by') || 'year';
  return state;
}

export function copyState(state) {
  return {...state, filters: Object.fromEntries(FILTER_FIELDS.map((f) => [f, [...state.filters[f]]])),
          compare: [...state.compare]};
}

export function hasFilters(state) {
  return FILTER_FIELDS.some((f) => state.filters[f].length > 0);
}

/** The query and filters as API parameters (repeated names for several values). */
export function filterParams(state, {except} = {}) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const field of FILTER_FIELDS) {
    if (field === except) continue;
    for (const value of state.filters[field]) params.append(field, value);
  }
  return params;
}

/** Parameters for /v1/search. */
export function searchParams(state) {
  const params = filterParams(state);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.group !== 'passage') params.set('group', state.group);
  if (state.page !== 1) params.set('page', String(state.page));
  params.set('per_page', String(PER_PAGE));
  return params;
}

/** Parameters for /v1/export of the whole search: its query, filters and order. */
export function exportParams(state) {
  const params = filterParams(state);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.group !== 'passage') params.set('group', state.group);
  return params;
}

/** The page's URL for a state: "/?q=...&country=JPN". */
export function stateUrl(state, {doc = state.doc, person = state.person, delegation = state.delegation,
                                 compare = state.compare, hash = ''} = {}) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const field of FILTER_FIELDS) {
    for (const value of state.filters[field]) params.append(field, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.group !== 'passage') params.set('group', state.group);
  if (state.page !== 1) params.set('page', String(state.page));
  if (doc) params.set('doc', doc);
  if (person) params.set('person', person);
  if (delegation) params.set('delegation', delegation);
  if (state.asTyped) params.set('as_typed', '1');
  if (compare.length) {
    params.set('compare', compare.join(','));
    if (state.by !== 'year') params.set('by', state.by);
  }
  const query = params.toString();
  return `/${query ? `?${query}` : ''}${hash}`;
}

/** A key identifying a search (everything but the open document). */
export function searchKey(state) {
  return `${searchParams(state).toString()}${state.asTyped ? '&as_typed=1' : ''}`;
}

/**
 * The anchor of a paragraph in the document view: "p37", or one from its
 * passage id when unnumbered. (Speeches were unnumbered before they were
 * numbered by position; their old anchors, #passage-ID, still land on the
 * paragraph: focusAnchor in document.js.)
 */
export function paragraphAnchor(number, passageId) {
  return number !== null && number !== undefined ? `p${number}` : `passage-${passageId}`;
}

/**
 * The page of a speaker (field 'speaker') or a delegation ('country'),
 * keeping the search it was reached from, to return to.
 */
export function profileUrl(state, field, id) {
  return stateUrl(state, {doc: null, person: field === 'speaker' ? id : null,
                          delegation: field === 'country' ? id : null});
}
