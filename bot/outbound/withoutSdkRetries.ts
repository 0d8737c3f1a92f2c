/** The part of botbuilder's ConnectorClient we reach into: its @azure/core-client ServiceClient pipeline. */
interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase?: 'Retry' }): unknown } };
}

const stripped = new WeakSet<object>();

/**
 * Removes the SDK's retry phase from a connector client, so that OutboundPacer is the one place that
 * retries: otherwise its tries and the SDK's (up to four each) multiply. Idempotent. If a future SDK
 * hides the pipeline, nothing is removed, and the connector fault tests say so by their try counts.
 */
export function withoutSdkRetries(connectorClient: unknown): void {
  if (typeof connectorClient !== 'object' || connectorClient === null || stripped.has(connectorClient)) return;
  stripped.add(connectorClient);
  (connectorClient as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
}
