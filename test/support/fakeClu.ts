import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestBody } from './requestBody.js';

export interface CluRequest {
  readonly path: string;
  readonly apiVersion: string | null;
  readonly headers: IncomingHttpHeaders;
  readonly body: {
    kind?: string;
    analysisInput?: { conversationItem?: { id?: string; participantId?: string; text?: string; language?: string } };
    parameters?: { projectName?: string; deploymentName?: string; stringIndexType?: string };
  };
}

/** What the stand-in does with the next requests. */
export type CluBehaviour =
  | { readonly kind: 'predict'; readonly topIntent: string; readonly intents: ReadonlyArray<readonly [string, number]> }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'hang' };

/**
 * The body of a CLU runtime answer (POST {endpoint}/language/:analyze-conversations, API 2023-04-01)
 * for a Conversation project, in the documented shape. The entity is one CLU would label itself;
 * the recognizer must ignore it and use our own extractor.
 */
export function cluPredictionBody(query: string, topIntent: string, intents: ReadonlyArray<readonly [string, number]>): unknown {
  return {
    kind: 'ConversationResult',
    result: {
      query,
      prediction: {
        topIntent,
        projectKind: 'Conversation',
        intents: intents.map(([category, confidenceScore]) => ({ category, confidenceScore })),
        entities: query.length >= 2 ? [{ category: 'Product', text: query.slice(0, 2), offset: 0, length: 2, confidenceScore: 1 }] : [],
      },
    },
  };
}

/** A CLU prediction endpoint on 127.0.0.1 that records every request. */
export class FakeClu {
  readonly requests: CluRequest[] = [];
  behaviour: CluBehaviour = { kind: 'predict', topIntent: 'None', intents: [['None', 1]] };
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const text = await requestBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'apim-request-id': `req-${this.requests.length}` });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || url.pathname !== '/language/:analyze-conversations') {
        send(404, { error: { code: '404', message: 'Resource not found' } });
        return;
      }
      const body = JSON.parse(text) as CluRequest['body'];
      this.requests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), headers: req.headers, body });
      const b = this.behaviour;
      if (b.kind === 'hang') {
        this.hanging.add(res);
        return;
      }
      if (b.kind === 'status') {
        send(b.status, {
          error: {
            code: b.status >= 500 ? 'InternalServerError' : 'InvalidRequest',
            message: 'The service failed to process the request.',
          },
        });
        return;
      }
      send(200, cluPredictionBody(body.analysisInput?.conversationItem?.text ?? '', b.topIntent, b.intents));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
