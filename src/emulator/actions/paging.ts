// Paging of listings: PageNumber/PageSize, or MaxResults with a NextToken that is an opaque
// cursor (creation time and sequence of the last record served), and time and text encodings.
import type { Cursor } from '../ledger.js';
import { INVALID, RpcError, intParam, oneOf, present, type Params } from './params.js';

export function isoTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** ContentEncoding: Base64 (the default of the listings) or PlainText. */
export function encodingParam(params: Params, dflt: 'PlainText' | 'Base64'): 'PlainText' | 'Base64' {
  return oneOf(params, 'ContentEncoding', ['PlainText', 'Base64'] as const) ?? dflt;
}

export function encodeText(text: string | Buffer, base64: boolean): string {
  if (base64) return (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
  return typeof text === 'string' ? text : text.toString('utf8');
}

/** A NextToken over a plain list (the fleet): the index of the next item, tagged by its listing. */
export function offsetToken(tag: string, next: number): string {
  return Buffer.from(`${tag}${next}`).toString('base64url');
}

/** The index an offsetToken names; `invalid` is the listing's own error for any other token. */
export function tokenOffset(tag: string, token: string, invalid: RpcError): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const n = text.startsWith(tag) && /^\d+$/.test(text.slice(tag.length)) ? Number(text.slice(tag.length)) : NaN;
  if (!Number.isSafeInteger(n)) throw invalid;
  return n;
}

/** A listing's place: after the record `createdAt.seq`, or (with `row`) at that row of the record. */
export interface PageCursor extends Cursor {
  row?: number;
}

export function encodeToken(c: PageCursor): string {
  return Buffer.from(c.row === undefined ? `${c.createdAt}.${c.seq}` : `${c.createdAt}.${c.seq}.${c.row}`).toString('base64url');
}

function decodeToken(token: string): PageCursor {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw new RpcError(403, 'InvalidParam.NextToken', `${INVALID} NextToken is not a token this service issued.`);
  const cursor: PageCursor = { createdAt: Number(m[1]), seq: Number(m[2]) };
  if (m[3] !== undefined) cursor.row = Number(m[3]);
  return cursor;
}

export type Paging = { mode: 'page'; pageNumber: number; pageSize: number } | { mode: 'token'; from?: PageCursor; maxResults: number };

export function paging(params: Params): Paging {
  const token = present(params, 'NextToken');
  const max = present(params, 'MaxResults');
  if (token !== undefined || max !== undefined) {
    return { mode: 'token', from: token ? decodeToken(token) : undefined, maxResults: intParam(params, 'MaxResults', 10, 1, 50) };
  }
  return { mode: 'page', pageNumber: intParam(params, 'PageNumber', 1, 1, Number.MAX_SAFE_INTEGER), pageSize: intParam(params, 'PageSize', 10, 1, 50) };
}
