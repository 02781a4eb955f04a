import i18n from '../i18n/index.js';
import { parseRetryAfter } from './retry.js';

/** An answer from the API in its error model: `{"error": {"code", "message", "details"}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The server's Retry-After, in seconds, when it sent one (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer: offline, server down, connection reset. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network_error', { cause });
    this.name = 'NetworkError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const API_BASE = '/api/v1';

/**
 * The one way the web app talks to the API. Resolves with the parsed JSON
 * body (undefined for 204) and rejects with ApiError or NetworkError.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body, 'application/json');
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Like `request`, for answers that are files (e.g. CSV): resolves with the body as a Blob. */
export async function requestFile(method: Method, path: string, body?: unknown): Promise<Blob> {
  const response = await send(method, path, body, '*/*');
  return response.blob();
}

async function send(method: Method, path: string, body: unknown, accept: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    // The server localises its error messages with this.
    'Accept-Language': i18n.resolvedLanguage ?? 'en',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }

  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  try {
    const payload: unknown = await response.json();
    if (isErrorModel(payload)) {
      const { code, message, details } = payload.error;
      return new ApiError(response.status, code, message, details, retryAfter);
    }
  } catch {
    // Not JSON, e.g. a proxy's error page: fall through to a bare error.
  }
  return new ApiError(response.status, 'http_error', '', undefined, retryAfter);
}

function isErrorModel(value: unknown): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** Builds one path segment from a value the user or the server chose. */
export const segment = (value: string): string => encodeURIComponent(value);
