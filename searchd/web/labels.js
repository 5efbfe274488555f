// Display names: document types (a fixed vocabulary), the WSIS action lines'
// titles and the fields' names (from the server's tables, fields.js), and the
// countries and speakers the API has named so far.

import {ordinal} from './dom.js';
import {ACTION_LINE_TITLES, FIELD_NAMES} from './fields.js';

const TYPES = {
  'panel-report': 'Panel report',
  'session-report': 'Session report',
  'sg-report': 'Secretary-General report',
  'submission': 'Submission',
  'concept-note': 'Concept note',
  'informal-note': 'Informal note',
  'resolution': 'Resolution',
  'statement': 'Statement',
  'speech': 'Speech',
  'other': 'Other document',
};

export function typeLabel(type) {
  return TYPES[type] || type;
}

export function actionLineLabel(code) {
  return ACTION_LINE_TITLES[code] ? `${code} · ${ACTION_LINE_TITLES[code]}` : code;
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
    case 'type':
      return typeLabel(value);
    default:
      return String(value);
  }
}

export {FIELD_NAMES};
