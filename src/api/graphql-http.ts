// GraphQL over HTTP as the spec draft (graphql.github.io/graphql-over-http)
// describes it, on top of Apollo Server:
// - media type: application/graphql-response+json when the client accepts it,
//   and also when it sends no Accept header (the draft's default since
//   2025-01-01); application/json when it asks for that;
// - status: a response with data is 200, whatever field errors it carries
//   (partial results); a request error (parse, validation, unknown
//   operation, variable coercion, the depth and cost limits) is 400 under
//   application/graphql-response+json and 200 under application/json, as
//   the draft asks of each; without data, statuses Apollo gives for
//   malformed HTTP requests (405, 406, 415) and server failures (5xx) are kept;
// - HTTP caching: successful GET queries are cacheable by browsers and
//   proxies (Cache-Control; Express adds an ETag from the body and answers
//   If-None-Match with 304), so a new dataset version shows as a new ETag.
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import Negotiator from 'negotiator';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
export const APPLICATION_JSON = 'application/json; charset=utf-8';

/** Seconds a browser or proxy may reuse a GET answer before revalidating it with its ETag. */
export const GET_MAX_AGE_SECONDS = 60;

/**
 * The media type of a single-result response, or null when the Accept header
 * excludes both (Apollo then answers 406).
 */
export function responseMediaType(accept: string | undefined): string | null {
  if (accept === undefined || accept.trim() === '') return GRAPHQL_RESPONSE_JSON;
  // application/json first: a bare */* gets it, as legacy clients expect; an explicit list is taken in its order.
  const preferred = new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
  return preferred ?? null;
}

/**
 * The status the draft gives a response, from its media type, whether it has
 * a `data` entry and whether the HTTP request itself was malformed (Apollo's
 * BAD_REQUEST: no query, a query that is not a string, …).
 */
export function responseStatus(options: {
  mediaType: string;
  hasData: boolean;
  malformed: boolean;
  current: number | undefined;
  /** `data` is null because an argument was refused (BAD_USER_INPUT). */
  refusedInput?: boolean;
}): number {
  const { mediaType, hasData, malformed, current, refusedInput = false } = options;
  // A refused argument served nothing: under the spec's own media type it is a client error (4xx), as every
  // client error of this API is; legacy application/json keeps 200, as the spec recommends for it.
  if (refusedInput && mediaType !== APPLICATION_JSON) return 400;
  // A response with data MUST be 2xx under both media types: partial results are results.
  if (hasData) return 200;
  // Malformed HTTP (405, 406, 415) and server failures keep the status Apollo or the service chose.
  if (current !== undefined && (current >= 500 || [405, 406, 415].includes(current))) return current;
  if (malformed) return 400;
  return mediaType === APPLICATION_JSON ? 200 : 400;
}

type Response = GraphQLRequestContextWillSendResponse<object>['response'];

function hasDataEntry(response: Response): boolean {
  if (response.body.kind !== 'single') return true;
  return 'data' in response.body.singleResult && response.body.singleResult.data !== undefined;
}

/** No data at all, or every root field null. */
function nothingServed(response: Response): boolean {
  if (response.body.kind !== 'single') return false;
  const data = response.body.singleResult.data;
  return !data || Object.values(data).every((value) => value === null);
}

export function graphqlOverHttpPlugin(): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors, operation }) {
          if (response.body.kind !== 'single') return;
          const mediaType = responseMediaType(request.http?.headers.get('accept'));
          if (mediaType === null) return;
          response.http.headers.set('content-type', mediaType);
          response.http.status = responseStatus({
            mediaType,
            hasData: hasDataEntry(response),
            malformed: errors?.some((error) => error.extensions['code'] === ApolloServerErrorCode.BAD_REQUEST) ?? false,
            current: response.http.status,
            refusedInput: nothingServed(response) && (errors?.some((error) => error.extensions['code'] === 'BAD_USER_INPUT') ?? false),
          });

          const method = request.http?.method;
          if (method !== 'GET' && method !== 'HEAD') return;
          // The body depends on the Accept header (media type), so caches must key on it.
          response.http.headers.set('vary', 'Accept');
          const cacheable = !errors?.length && operation?.operation === 'query' && response.http.status === 200;
          response.http.headers.set('cache-control', cacheable ? `public, max-age=${GET_MAX_AGE_SECONDS}` : 'no-store');
        },
      };
    },
  };
}
