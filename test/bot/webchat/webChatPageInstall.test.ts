import { expect } from 'chai';
import restify, { type Server } from 'restify';
import { messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import { findWebChatBundle, registerWebChatPage } from '../../../bot/webchat/webChatPage.js';

async function serve(bundlePath: string | null): Promise<{ server: Server; url: string }> {
  const server = restify.createServer();
  registerWebChatPage(server, { logger: silentLogger, bundlePath });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('local Web Chat page with and without botframework-webchat', () => {
  const opened: Server[] = [];
  after(() => opened.forEach((s) => s.close()));

  it('finds the bundle of the installed dev dependency', () => {
    expect(findWebChatBundle()).to.match(/botframework-webchat[\\/]dist[\\/]webchat\.js$/);
  });

  it("without the bundle, GET / says in both languages how to install it, the reader's language first, and serves no script", async () => {
    const { server, url } = await serve(null);
    opened.push(server);
    for (const [accept, first, second] of [
      ['zh-CN,zh;q=0.9', 'zh-CN', 'en'],
      ['en-US', 'en', 'zh-CN'],
    ] as const) {
      const res = await fetch(`${url}/`, { headers: { 'accept-language': accept } });
      const html = await res.text();
      expect(res.status).to.equal(503);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      const a = html.indexOf(messages(first).webChatPage.unavailableHowTo);
      const b = html.indexOf(messages(second).webChatPage.unavailableHowTo);
      expect(a, first).to.be.above(-1);
      expect(b, second).to.be.above(a);
      expect(html).to.include('npm install').and.not.include('<script');
    }
    expect((await fetch(`${url}/webchat/webchat.js`)).status).to.equal(404);
  });

  it('with the bundle, GET / is the test page and the bundle is served', async () => {
    const { server, url } = await serve(findWebChatBundle());
    opened.push(server);
    const page = await fetch(`${url}/`, { headers: { 'accept-language': 'en' } });
    expect(page.status).to.equal(200);
    expect(await page.text())
      .to.include('<script src="/webchat/webchat.js">')
      .and.include(`<h1 id="title">${messages('en').webChatPage.title}</h1>`);
    const bundle = await fetch(`${url}/webchat/webchat.js`);
    expect(bundle.status).to.equal(200);
    expect((await bundle.arrayBuffer()).byteLength).to.be.above(100_000);
  });
});
