import { BlobStore } from '../../bot/store/blobStore.js';
import type { DocumentStore } from '../../bot/store/documentStore.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { startAzurite, type Azurite } from './azurite.js';
import { makeTempDir } from './tempDir.js';

/** Opens a fresh, empty store; call it again within one test for another handle on the same data. */
export type OpenStore = () => Promise<DocumentStore>;

/**
 * Runs the same suite on both storage backends: files (a temp DATA_DIR/store) and Azure Blob (Azurite).
 * `fresh()` starts a new empty store for each test; `another()` gives a second handle on that same data,
 * as a second process or instance would have. The fast lane (TEST_LANE=fast) runs the files backend only.
 */
export function onEachBackend(
  suite: (backend: { fresh: () => Promise<DocumentStore>; another: () => Promise<DocumentStore> }) => void,
): void {
  describe('on files', () => {
    let root = '';
    const temps: Array<{ remove(): Promise<void> }> = [];
    afterEach(async () => Promise.all(temps.splice(0).map((t) => t.remove())));
    suite({
      fresh: async () => {
        const temp = await makeTempDir('store-');
        temps.push(temp);
        root = temp.path;
        return new FileStore(root);
      },
      another: async () => new FileStore(root),
    });
  });
  if (process.env.TEST_LANE === 'fast') return;
  describe('on Azure Blob (Azurite)', function () {
    this.timeout(60_000);
    let azurite: Azurite;
    let container = '';
    before(async () => (azurite = await startAzurite()));
    after(async () => azurite.stop());
    suite({
      fresh: async () => BlobStore.open(azurite.connectionString, (container = azurite.container())),
      another: async () => BlobStore.open(azurite.connectionString, container),
    });
  });
}
