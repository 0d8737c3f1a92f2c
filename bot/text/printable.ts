/**
 * Stored text comes from customers. Printed raw to the reseller's terminal, an ESC or C1 sequence
 * could clear the screen, fake coloured lines or write the clipboard (OSC 52), and a bidirectional
 * override could make a line read differently from what it is. These show such characters as visible
 * escapes instead, and strip them before text is stored.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const CONTROL_OR_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escape = (c: string) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;

/** One value inside a line of output: every control character escaped, line breaks and tabs too. */
export function printable(value: string): string {
  return value.replace(CONTROL_OR_LINE, escape);
}

/** A whole block of output: control characters escaped, its own line breaks and tabs kept. */
export function terminalSafe(output: string): string {
  return output.replace(CONTROL, escape);
}

/** For storing: control and direction-override characters removed; a single-line field loses line breaks too. */
export function withoutControls(text: string, { multiline = false } = {}): string {
  const kept = text.replace(CONTROL, '');
  return multiline ? kept : kept.replace(/[\s\u2028\u2029]+/gu, ' ').trim();
}
