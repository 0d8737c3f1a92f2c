import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../bot/config.js';

const PC = {
  PARTNER_CENTER_ENDPOINT: 'https://partner.partnercenterapi.microsoftonline.cn/',
  PARTNER_CENTER_TENANT_ID: 'contoso.partner.onmschina.cn',
  PARTNER_CENTER_CLIENT_ID: 'app',
  PARTNER_CENTER_CLIENT_SECRET: 'secret',
  PARTNER_CENTER_REFRESH_TOKEN: 'refresh',
};

describe('Partner Center configuration', () => {
  it('needs App+User credentials: a refresh token besides the app id and secret', () => {
    const { PARTNER_CENTER_REFRESH_TOKEN: _omitted, ...withoutToken } = PC;
    let err: unknown;
    try {
      loadConfig(withoutToken);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).problems.join('\n')).to.include('PARTNER_CENTER_REFRESH_TOKEN must be set together');
  });

  it('defaults the authority and scope to the cloud, keeps the endpoint without a trailing slash', () => {
    expect(loadConfig({ ...PC, CLOUD: 'china' }).partnerCenter).to.deep.include({
      endpoint: 'https://partner.partnercenterapi.microsoftonline.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      scope: 'https://partner.partnercenterapi.microsoftonline.cn/.default',
      refreshToken: 'refresh',
      timeoutMs: 10_000,
    });
    expect(loadConfig(PC).partnerCenter).to.deep.include({
      authorityHost: 'https://login.microsoftonline.com',
      scope: 'https://api.partnercenter.microsoft.com/.default',
    });
    expect(loadConfig({ ...PC, PARTNER_CENTER_SUPPORT_TOPIC_ID: '32444671' }).partnerCenter?.defaultSupportTopicId).to.equal('32444671');
    expect(loadConfig({}).partnerCenter).to.equal(undefined);
  });
});
