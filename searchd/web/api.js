// The page's only way to the data: the public /v1 API of the server that
// served it (same origin, relative URLs).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET `path` with `params` (URLSearchParams or a plain object); the parsed JSON, or an ApiError. */
export async function getJson(path, params, signal) {
  const query = new URLSearchParams(params || {}).toString();
  const url = query ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The search service cannot be reached. Check that cstd-searchd is running.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(response.status, 'bad_response', `The server answered ${response.status} without JSON.`);
  }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || 'error', error.message || `The server answered ${response.status}.`);
  }
  return body;
}

export const api = {
  search: (params, signal) => getJson('/v1/search', params, signal),
  // With q, the answer also names what else to mark (acronyms and their forms).
  document: (docId, q, signal) => getJson(`/v1/documents/${encodeURIComponent(docId)}`, q ? {q} : null, signal),
  facet: (field, params, signal) => getJson(`/v1/facets/${encodeURIComponent(field)}`, params, signal),
  speaker: (id, signal) => getJson(`/v1/speakers/${encodeURIComponent(id)}`, null, signal),
  country: (code, signal) => getJson(`/v1/countries/${encodeURIComponent(code)}`, null, signal),
  labels: (signal) => getJson('/v1/labels', null, signal),
  similar: (passageId, params, signal) =>
    getJson(`/v1/passages/${encodeURIComponent(passageId)}/similar`, params, signal),
  compare: (params, signal) => getJson('/v1/compare', params, signal),
};
