// GraphQL errors the API sends to clients: a clear message and an extensions
// code, never a stack trace or a driver message.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { GraphUnavailableError, isUnavailableError } from '../graph/reader.js';

export const BAD_USER_INPUT = 'BAD_USER_INPUT';
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: BAD_USER_INPUT, ...details, http: { status: 400 } } });
}

export function serviceUnavailable(): GraphQLError {
  return new GraphUnavailableError();
}

export { isUnavailableError };

/** True for the SERVICE_UNAVAILABLE error the GraphReader throws. */
export function isServiceUnavailableGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions['code'] === SERVICE_UNAVAILABLE;
}

/** Seconds a client is told to wait after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SERVICE_UNAVAILABLE answers are HTTP 503 with Retry-After, so load
 * balancers and clients see a failure and know when to try again.
 */
export function serviceUnavailableStatusPlugin(retryAfterSeconds: () => number = () => RETRY_AFTER_SECONDS): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((error) => error.extensions?.['code'] === SERVICE_UNAVAILABLE)) return;
          // Only when nothing was served (no data, or every root field null): a partial answer stays 2xx
          // as the GraphQL-over-HTTP spec requires.
          const data = response.body.singleResult.data;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds()))));
        },
      };
    },
  };
}
