import type { BotAuthConfig } from './config.js';

/** The ConfigurationBotFrameworkAuthentication keys that select a cloud. */
export interface BotFrameworkSettings {
  readonly OAuthUrl?: string;
  readonly ToChannelFromBotLoginUrl?: string;
  readonly ToChannelFromBotOAuthScope?: string;
  readonly ToBotFromChannelTokenIssuer?: string;
  readonly ToBotFromChannelOpenIdMetadataUrl?: string;
  readonly ToBotFromEmulatorOpenIdMetadataUrl?: string;
  readonly ValidateAuthority?: boolean;
}

const CHINA_LOGIN = 'https://login.partner.microsoftonline.cn';

/**
 * Azure operated by 21Vianet (Bot Framework "deploy to China cloud" settings). The SDK switches to
 * a fully parameterised configuration as soon as one of these is set, so they are always set as a set.
 */
export function chinaBotFrameworkSettings(auth: BotAuthConfig | undefined): BotFrameworkSettings {
  const loginTenant = auth && auth.appType !== 'MultiTenant' && auth.tenantId ? auth.tenantId : 'microsoftservices.partner.onmschina.cn';
  return Object.freeze({
    OAuthUrl: 'https://token.botframework.azure.cn/',
    ToChannelFromBotLoginUrl: `${CHINA_LOGIN}/${loginTenant}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
    ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl: `${CHINA_LOGIN}/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0/.well-known/openid-configuration`,
    ValidateAuthority: true,
  });
}
