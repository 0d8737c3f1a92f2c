import { expect } from 'chai';
import { BlobStore } from '../../../bot/store/blobStore.js';
import { StorageUnavailableError } from '../../../bot/store/errors.js';
import { startAzurite, type Azurite } from '../../support/azurite.js';
import { documentStoreContract } from '../../support/documentStoreContract.js';

describe('BlobStore on Azurite', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => azurite.stop());

  describe('the DocumentStore contract', () => {
    documentStoreContract(
      async () => {
        const container = azurite.container();
        const open = () => BlobStore.open(azurite.connectionString, container);
        return { store: await open(), peer: open, reopen: open };
      },
      async () => undefined,
    );
  });

  it('fails with StorageUnavailableError, quickly, when the service is unreachable', async () => {
    const dead = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9');
    let error: unknown;
    try {
      await BlobStore.open(dead, 'unreachable', { maxTries: 1, tryTimeoutMs: 1000 });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(StorageUnavailableError);
    expect((error as Error).message)
      .to.include('unreachable')
      .and.not.include('AccountKey');
  });
});
