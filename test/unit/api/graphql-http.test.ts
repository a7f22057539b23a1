import { describe, expect, it } from 'vitest';
import { APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, responseMediaType, responseStatus } from '../../../src/api/graphql-http.js';

describe('responseMediaType', () => {
  it('follows the Accept header, defaults to application/graphql-response+json and gives */* application/json', () => {
    expect(responseMediaType(undefined)).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType('')).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType('*/*')).toBe(APPLICATION_JSON);
    expect(responseMediaType('application/json')).toBe(APPLICATION_JSON);
    expect(responseMediaType('application/graphql-response+json, application/json;q=0.9')).toBe(GRAPHQL_RESPONSE_JSON);
    expect(responseMediaType('application/json, application/graphql-response+json')).toBe(APPLICATION_JSON);
    expect(responseMediaType('text/html')).toBeNull();
  });
});

describe('responseStatus', () => {
  const strict = GRAPHQL_RESPONSE_JSON;
  it('is 200 whenever there is data, even when a field error set 400', () => {
    expect(responseStatus({ mediaType: strict, hasData: true, malformed: false, current: 400 })).toBe(200);
    expect(responseStatus({ mediaType: APPLICATION_JSON, hasData: true, malformed: false, current: undefined })).toBe(200);
  });
  it('is 400 for request errors under graphql-response+json and 200 under application/json', () => {
    expect(responseStatus({ mediaType: strict, hasData: false, malformed: false, current: 400 })).toBe(400);
    expect(responseStatus({ mediaType: APPLICATION_JSON, hasData: false, malformed: false, current: 400 })).toBe(200);
  });
  it('is 400 under graphql-response+json when an argument was refused and nothing was served', () => {
    expect(responseStatus({ mediaType: strict, hasData: true, malformed: false, current: 400, refusedInput: true })).toBe(400);
    expect(responseStatus({ mediaType: APPLICATION_JSON, hasData: true, malformed: false, current: 400, refusedInput: true })).toBe(200);
  });
  it('keeps 400 for malformed requests, and 405/406/415 and 5xx without data as they are', () => {
    expect(responseStatus({ mediaType: APPLICATION_JSON, hasData: false, malformed: true, current: 400 })).toBe(400);
    for (const current of [405, 406, 415, 500, 503]) {
      expect(responseStatus({ mediaType: strict, hasData: false, malformed: false, current })).toBe(current);
      expect(responseStatus({ mediaType: strict, hasData: true, malformed: false, current })).toBe(200);
    }
  });
});
