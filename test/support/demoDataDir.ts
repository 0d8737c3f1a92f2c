import { join } from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import { BotStorage } from '../../bot/botStorage.js';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import { ShardedFileStore } from '../../bot/storage/shardedFileStore.js';
import { makeTempDir } from './tempDir.js';

/** A temp DATA_DIR with the demo directory and file-backed bot state, as the dialog harnesses share it. */
export interface DemoDataDir {
  readonly temp: { readonly path: string; remove(): Promise<void> };
  readonly directory: CustomerDirectory;
  readonly store: ShardedFileStore;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
}

export async function demoDataDir(prefix: string): Promise<DemoDataDir> {
  const temp = await makeTempDir(prefix);
  const directory = await CustomerDirectory.open(temp.path);
  await directory.replace(demoDirectory());
  const store = await ShardedFileStore.open(join(temp.path, 'state'));
  const storage = new BotStorage(store);
  return { temp, directory, store, conversationState: new ConversationState(storage), userState: new UserState(storage) };
}
