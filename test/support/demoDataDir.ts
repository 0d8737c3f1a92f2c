import { join } from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import { BotStorage } from '../../bot/store/botStorage.js';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { PrefixedStore } from '../../bot/store/prefixedStore.js';
import { makeTempDir } from './tempDir.js';

/** A temp DATA_DIR with the demo directory and file-backed bot state, as the dialog harnesses share it. */
export interface DemoDataDir {
  readonly temp: { readonly path: string; remove(): Promise<void> };
  readonly directory: CustomerDirectory;
  /** The whole store (DATA_DIR/store); bot state is under `state/`. */
  readonly store: FileStore;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
}

export async function demoDataDir(prefix: string): Promise<DemoDataDir> {
  const temp = await makeTempDir(prefix);
  const store = new FileStore(join(temp.path, 'store'));
  const directory = await CustomerDirectory.open(store);
  await directory.replace(demoDirectory());
  const storage = new BotStorage(new PrefixedStore(store, 'state/'));
  return { temp, directory, store, conversationState: new ConversationState(storage), userState: new UserState(storage) };
}
