import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { BlockBlobClient, ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import { NEW_DOCUMENT, type DocumentStore, type ListedKey, type StoredDocument } from './documentStore.js';
import { ETagConflictError, StorageUnavailableError } from './errors.js';

/** What each blob holds: the key (names of long keys are hashed) and the document without its eTag. */
interface BlobRecord {
  key: string;
  value: Record<string, unknown>;
}

export interface BlobStoreOptions {
  /** Per try; several tries must still fit in a channel's 15 s turn. */
  readonly tryTimeoutMs?: number;
  readonly maxTries?: number;
}

const MAX_READABLE_NAME = 512;

/** A connection string (account key or SAS), or the account's URL with a Microsoft Entra credential (managed identity). */
export type BlobAccount = string | { readonly url: string; readonly credential: TokenCredential };

/**
 * Documents as JSON blobs in one container, so that several bot instances share them. eTags are the
 * blobs' own: a write with an eTag is an If-Match upload, NEW_DOCUMENT an If-None-Match: * upload,
 * so two instances can never both win the same update. Nothing is cached: every read goes to Azure.
 */
export class BlobStore implements DocumentStore {
  private constructor(private readonly container: ContainerClient) {}

  /** Connects and creates the container when it is missing. */
  static async open(account: BlobAccount, containerName: string, options: BlobStoreOptions = {}): Promise<BlobStore> {
    // Loaded here, not at start-up: with STORAGE=file the bot never needs the SDK's time and memory.
    const { BlobServiceClient } = await import('@azure/storage-blob');
    const pipeline: StoragePipelineOptions = {
      retryOptions: {
        maxTries: options.maxTries ?? 3,
        tryTimeoutInMs: options.tryTimeoutMs ?? 4_000,
        retryDelayInMs: 100,
        maxRetryDelayInMs: 1_000,
      },
      userAgentOptions: { userAgentPrefix: 'csp-support-bot' },
    };
    const service =
      typeof account === 'string'
        ? BlobServiceClient.fromConnectionString(account, pipeline)
        : new BlobServiceClient(account.url, account.credential, pipeline);
    const container = service.getContainerClient(containerName);
    try {
      await container.createIfNotExists();
    } catch (err) {
      throw new StorageUnavailableError(`Azure Blob container "${containerName}"`, err);
    }
    return new BlobStore(container);
  }

  /** Readable names for ordinary keys; long ones by hash (blob names stop at 1,024 characters). */
  static blobNameOf(key: string): string {
    const encoded = encodeURIComponent(key);
    return encoded.length <= MAX_READABLE_NAME ? `d/${encoded}` : `h/${createHash('sha256').update(key).digest('hex')}`;
  }

  async read(keys: readonly string[]): Promise<Record<string, StoredDocument>> {
    const out: Record<string, StoredDocument> = {};
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const found = await this.readOne(key);
        if (found) out[key] = found;
      }),
    );
    return out;
  }

  async write(changes: Readonly<Record<string, StoredDocument>>): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, doc]) => this.writeOne(key, doc)));
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.blob(key).deleteIfExists();
        } catch (err) {
          throw new StorageUnavailableError(`Azure Blob delete of "${key}"`, err);
        }
      }),
    );
  }

  async list(prefix: string): Promise<ListedKey[]> {
    const out: ListedKey[] = [];
    try {
      for await (const item of this.container.listBlobsFlat({ prefix: `d/${encodeURIComponent(prefix)}` })) {
        out.push({ key: decodeURIComponent(item.name.slice(2)), modifiedAt: item.properties.lastModified.getTime() });
      }
      // Keys too long for a readable name are stored under their hash: their blob says which key it holds.
      for await (const item of this.container.listBlobsFlat({ prefix: 'h/' })) {
        const key = await this.keyOfHashed(item.name);
        if (key?.startsWith(prefix)) out.push({ key, modifiedAt: item.properties.lastModified.getTime() });
      }
    } catch (err) {
      throw new StorageUnavailableError(`Azure Blob list of "${prefix}"`, err);
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async keyOfHashed(name: string): Promise<string | undefined> {
    const res = await this.container
      .getBlockBlobClient(name)
      .download(0)
      .catch(() => undefined);
    return res ? (JSON.parse(await streamToString(res.readableStreamBody)) as BlobRecord).key : undefined;
  }

  private blob(key: string): BlockBlobClient {
    return this.container.getBlockBlobClient(BlobStore.blobNameOf(key));
  }

  private async readOne(key: string): Promise<StoredDocument | undefined> {
    try {
      const res = await this.blob(key).download(0);
      const text = await streamToString(res.readableStreamBody);
      const record = JSON.parse(text) as BlobRecord;
      if (record.key !== key) throw new Error(`blob holds key "${record.key}"`);
      return { ...record.value, eTag: res.etag! };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw new StorageUnavailableError(`Azure Blob read of "${key}"`, err);
    }
  }

  private async writeOne(key: string, doc: StoredDocument): Promise<void> {
    const { eTag, ...value } = doc;
    const body = JSON.stringify({ key, value } satisfies BlobRecord);
    const upload = (conditions: { ifMatch?: string; ifNoneMatch?: string }) =>
      this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
    try {
      if (eTag === undefined || eTag === '*') await upload({});
      else if (eTag === NEW_DOCUMENT) await upload({ ifNoneMatch: '*' });
      else {
        try {
          await upload({ ifMatch: eTag });
        } catch (err) {
          if (!isPreconditionFailure(err) && statusOf(err) !== 404) throw err;
          // Same rule as the file store: an eTag for a document that no longer exists writes it anew.
          await upload({ ifNoneMatch: '*' });
        }
      }
    } catch (err) {
      if (isPreconditionFailure(err)) throw new ETagConflictError(key);
      throw new StorageUnavailableError(`Azure Blob write of "${key}"`, err);
    }
  }
}

/** The HTTP status of the SDK's RestError (by name: the SDK is loaded on demand). */
function statusOf(err: unknown): number | undefined {
  return err instanceof Error && err.name === 'RestError' ? (err as Error & { statusCode?: number }).statusCode : undefined;
}

/** 412 when If-Match fails, 409 when If-None-Match: * finds the blob already there. */
function isPreconditionFailure(err: unknown): boolean {
  const status = statusOf(err);
  return status === 412 || status === 409;
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
