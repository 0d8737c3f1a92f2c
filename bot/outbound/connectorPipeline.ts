/** The part of botbuilder's ConnectorClient we reach into: its @azure/core-client ServiceClient pipeline. */
interface PipelineRequest {
  readonly headers: { get(name: string): string | undefined; set(name: string, value: string): void };
}
interface PipelineHolder {
  readonly client?: {
    readonly pipeline?: {
      removePolicy(options: { phase?: 'Retry' }): unknown;
      addPolicy(policy: {
        name: string;
        sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown>;
      }): void;
    };
  };
}

const adjusted = new WeakSet<object>();
const CONVERSATION_ID_HEADER = 'x-ms-conversation-id';

/**
 * Two changes to a connector client, once each:
 * - the SDK's retry phase goes, so that OutboundPacer is the one place that retries (otherwise its
 *   tries and the SDK's, up to four each, multiply);
 * - the SDK copies the conversation id into an `x-ms-conversation-id` header as it is, and Node refuses
 *   a header with characters outside Latin-1, so every reply to such a conversation failed: the
 *   header value is percent-encoded when it is not plain ASCII (the URL path is encoded already).
 * If a future SDK hides the pipeline, nothing changes, and the connector tests say so.
 */
export function adjustConnectorClient(connectorClient: unknown): void {
  if (typeof connectorClient !== 'object' || connectorClient === null || adjusted.has(connectorClient)) return;
  adjusted.add(connectorClient);
  const pipeline = (connectorClient as PipelineHolder).client?.pipeline;
  pipeline?.removePolicy({ phase: 'Retry' });
  pipeline?.addPolicy({
    name: 'asciiConversationIdHeader',
    sendRequest: (request, next) => {
      const id = request.headers.get(CONVERSATION_ID_HEADER);
      if (id !== undefined && /[^\x20-\x7e]/.test(id)) request.headers.set(CONVERSATION_ID_HEADER, encodeURIComponent(id));
      return next(request);
    },
  });
}
