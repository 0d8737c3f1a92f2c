import type { Response } from 'botbuilder';

/** Captures what CloudAdapter wants to answer, so the server decides what actually goes back. */
export class BufferedResponse implements Response {
  socket: unknown = undefined;
  statusCode = 200;
  body: unknown = undefined;

  status(code: number): void {
    this.statusCode = code;
  }

  send(body?: unknown): void {
    this.body = body;
  }

  header(): void {}

  end(): void {}
}
