import type { Activity } from 'botbuilder';
import { HttpError } from './httpError.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Longest conversation or user id accepted; real channels' ids are far shorter. */
export const MAX_ID_LENGTH = 512;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Ids go into connector URLs, headers and storage keys: no control characters, no `.` or `..` path
 * segment (they would re-route a connector path), and a sane length. Other characters, non-ASCII
 * included, are encoded where they go out.
 */
function isSafeId(v: unknown): v is string {
  return isString(v) && v.length > 0 && v.length <= MAX_ID_LENGTH && !CONTROL.test(v) && !v.split('/').some((s) => s === '.' || s === '..');
}

function requireField(ok: boolean, field: string): void {
  if (!ok) throw new HttpError(400, `invalid_activity:${field}`);
}

/**
 * Shape checks before any turn runs, so that junk gets a 400 instead of failing deep in the SDK.
 * Only fields the bot relies on are checked; unknown fields pass through untouched.
 */
export function validateActivity(body: unknown): Activity {
  requireField(isObject(body), 'body');
  const a = body as Json;
  requireField(isString(a.type) && a.type.length > 0 && a.type.length <= 64, 'type');
  requireField(isString(a.channelId) && a.channelId.length > 0, 'channelId');
  requireField(isString(a.serviceUrl) && /^https?:\/\/[^\s]+$/i.test(a.serviceUrl), 'serviceUrl');
  requireField(isObject(a.conversation) && isSafeId(a.conversation.id), 'conversation');
  for (const key of ['from', 'recipient'] as const) {
    requireField(a[key] === undefined || (isObject(a[key]) && isSafeId((a[key] as Json).id)), key);
  }
  for (const key of ['text', 'locale', 'id', 'replyToId', 'textFormat', 'deliveryMode', 'name', 'timestamp'] as const) {
    requireField(a[key] === undefined || a[key] === null || isString(a[key]), key);
  }
  for (const key of ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const) {
    requireField(a[key] === undefined || a[key] === null || (Array.isArray(a[key]) && (a[key] as unknown[]).every(isObject)), key);
  }
  for (const key of ['membersAdded', 'membersRemoved'] as const) {
    requireField(a[key] == null || (a[key] as Json[]).every((m) => isString(m.id)), key);
  }
  requireField(a.channelData === undefined || a.channelData === null || isObject(a.channelData), 'channelData');
  requireField(a.timestamp == null || !Number.isNaN(Date.parse(a.timestamp as string)), 'timestamp');
  return a as unknown as Activity;
}
