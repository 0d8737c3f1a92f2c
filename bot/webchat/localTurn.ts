import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
} from 'botframework-connector';

/** Replies go to this server's own connector routes, which take no token: no call to a login endpoint. */
class LocalConnectorFactory extends ConnectorFactory {
  override async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  }
}

const localConnectors = new LocalConnectorFactory();

/**
 * Runs an activity from the local Direct Line through the adapter's middleware and the bot. The
 * activity was made by this server, so there is no channel token to validate, with or without an app id.
 */
export async function runLocalTurn(
  adapter: CloudAdapter,
  appId: string | undefined,
  activity: Activity,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const claimsIdentity = appId
    ? new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: appId },
          { type: AuthenticationConstants.AppIdClaim, value: appId },
        ],
        true,
      )
    : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  await adapter.processActivityDirect(
    { audience: AuthenticationConstants.ToChannelFromBotOAuthScope, claimsIdentity, connectorFactory: localConnectors },
    activity,
    logic,
  );
}
