import { expect } from 'chai';
import { join } from 'node:path';
import { ConversationState, type TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter.js';
import { BotStorage } from '../../bot/store/botStorage.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { createServer } from '../../bot/server.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';
import { SerialTurns } from '../../bot/serialTurns.js';

describe('concurrent turns on one conversation', () => {
  it('50 simultaneous turns incrementing a counter reach exactly 50 on disk', async () => {
    const dir = await makeTempDir();
    const store = new FileStore(join(dir.path, 'state'));
    const conversationState = new ConversationState(new BotStorage(store));
    const counter = conversationState.createProperty<number>('counter');
    const adapter = createAdapter(loadConfig({ DATA_DIR: dir.path }), conversationState, silentLogger);
    adapter.use(new SerialTurns(silentLogger));
    // Read, yield, then write: without per-conversation serialisation the turns overwrite each other.
    const logic = async (context: TurnContext) => {
      const value = await counter.get(context, 0);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      await counter.set(context, value + 1);
      await conversationState.saveChanges(context);
      await context.sendActivity(String(value + 1));
    };
    const http = createServer({ adapter, logic, logger: silentLogger });
    const url = await http.listen(0, '127.0.0.1');
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post(`${url}/api/messages`, message('http://127.0.0.1:9', 'same-conversation', `turn ${i}`, { deliveryMode: 'expectReplies' })),
        ),
      );
      expect(results.map((r) => r.status)).to.deep.equal(Array(50).fill(200));
      const seen = results
        .map((r) => Number((r.json as { activities: Array<{ text: string }> }).activities[0]!.text))
        .sort((a, b) => a - b);
      expect(seen).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));

      const reopened = new FileStore(join(dir.path, 'state'));
      const key = 'emulator/conversations/same-conversation/';
      expect((await reopened.read([key]))[key]!.counter).to.equal(50);
    } finally {
      await http.close();
      await dir.remove();
    }
  });
});
