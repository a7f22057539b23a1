// GraphQL errors the API sends to clients: a clear message and an extensions
// code, never a stack trace or a driver message.
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
