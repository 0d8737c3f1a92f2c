/**
 * Input that cannot be used: something a user typed, a CLI argument, a line of an imported file. Its
 * message is meant for the person who gave it (no stack trace), in the words of the place that checked.
 */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
