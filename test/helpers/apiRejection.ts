// The ApiError a client call rejects with, for tests of the API layer's failures.
import { expect } from 'vitest';
import { ApiError } from '../../src/api/errors.js';

/** Awaits `p`, which must reject with an ApiError, and returns that error. */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}
