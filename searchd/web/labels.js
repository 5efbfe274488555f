// Display names: the titles of coded values (action lines, document types,
// bodies) as the API's /v1/labels gives them, the fields' names (from the
// server's table, fields.js), and the countries and speakers the API has
// named so far. The page keeps no copy of any of them.

import {api} from './api.js';
import {ordinal} from './dom.js';
import {FIELD_NAMES} from './fields.js';

// field -> Map(code -> title), from /v1/labels.
const titles = {};

/**
 * Reads the titles of coded values from the API, once, before the page
 * first renders. Without them (the API unreachable) codes stand for
 * themselves.
 */
export async function loadLabels() {
  try {
    const answer = await api.labels();
    for (const [field, values] of Object.entries(answer)) {
      titles[field] = new Map(values.map((v) => [String(v.value), v.label]));
    }
  } catch (e) {
    // The page still works: every label falls back to its code.
  }
}

function title(field, code) {
  return titles[field] ? titles[field].get(String(code)) : undefined;
}

export function typeLabel(type) {
  return title('type', type) || type;
}

export function actionLineLabel(code) {
  const t = title('action_line', code);
  return t ? `${code} · ${t}` : code;
}

export function sessionLabel(session) {
  const n = Number(session);
  return Number.isInteger(n) ? `${ordinal(n)} session` : `Sessions ${String(session).replace('..', '–')}`;
}

// Countries (ISO3 -> name) and speakers (id -> name), learned from every
// answer of the API.
const names = {country: new Map(), speaker: new Map()};

export function learnName(field, value, label) {
  if (names[field] && value && label) names[field].set(String(value), label);
}

/** Learns the names in a /v1/search or /v1/facets answer. */
export function learnNames(result) {
  for (const [field, values] of Object.entries(result.facets || {})) {
    for (const v of values) learnName(field, v.value, v.label);
  }
  if (result.field) {
    for (const v of result.values || []) learnName(result.field, v.value, v.label);
  }
  for (const hit of result.hits || []) {
    for (const c of hit.countries) learnName('country', c.code, c.name);
    for (const s of hit.speakers) learnName('speaker', s.id, s.name);
  }
}

/** Whether the API has named `value` of `field` (country, speaker) yet. */
export function hasName(field, value) {
  return names[field].has(String(value));
}

export function countryName(code) {
  return names.country.get(code) || code;
}

/** How a filter value reads on a chip or a checkbox. */
export function valueLabel(field, value) {
  switch (field) {
    case 'country':
    case 'speaker':
      return names[field].get(String(value)) || String(value);
    case 'session':
      return sessionLabel(value);
    case 'year':
      return String(value).replace('..', '–');
    case 'action_line':
      return actionLineLabel(value);
    default:
      return title(field, value) || String(value);
  }
}

export {FIELD_NAMES};
