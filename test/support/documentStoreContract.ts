import { expect } from 'chai';
import { NEW_DOCUMENT, type DocumentStore } from '../../bot/store/documentStore.js';
import { ETagConflictError } from '../../bot/store/errors.js';

export interface StoreUnderTest {
  readonly store: DocumentStore;
  /** The same data as a restart sees it. */
  reopen(): Promise<DocumentStore>;
  /** Another writer at the same time: another instance for a shared backend; the same one where one process owns the data. */
  peer(): Promise<DocumentStore>;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** The DocumentStore contract: both backends (files, Azure Blob) run these same tests. */
export function documentStoreContract(open: () => Promise<StoreUnderTest>, close: (s: StoreUnderTest) => Promise<void>): void {
  let s: StoreUnderTest;
  let store: DocumentStore;
  beforeEach(async () => {
    s = await open();
    store = s.store;
  });
  afterEach(async () => close(s));

  it('returns nothing for keys never written', async () => {
    expect(await store.read(['missing'])).to.deep.equal({});
  });

  it('creates, reads back with an eTag, and keeps nested objects, Chinese text and emoji', async () => {
    const value = { name: '世纪互联 用户 🎉', nested: { list: [1, { deep: '深层' }], flag: true }, count: 0 };
    await store.write({ a: value });
    const read = await store.read(['a']);
    expect(read.a).to.deep.include(value);
    expect(read.a!.eTag).to.be.a('string').and.not.equal('');
  });

  it('reads several keys at once and skips the missing ones', async () => {
    await store.write({ k1: { v: 1 }, k2: { v: 2 } });
    const read = await store.read(['k1', 'k2', 'k3']);
    expect(Object.keys(read).sort()).to.deep.equal(['k1', 'k2']);
    expect(read.k2!.v).to.equal(2);
  });

  it('keeps keys apart that differ only in slashes, case, Unicode or length', async () => {
    const keys = [
      'emulator/conversations/c1/',
      'emulator/conversations/c1',
      'Emulator/conversations/c1/',
      '会话/用户 1',
      'a%2Fb',
      'a/b',
      'x',
      '@/x',
      '_/x',
      '/x',
      'x/',
      'x'.repeat(3000),
      `${'x'.repeat(3000)}y`,
    ];
    await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    const read = await store.read(keys);
    expect(keys.map((k) => read[k]?.i)).to.deep.equal(keys.map((_, i) => i));
  });

  it('updates with the current eTag and gives the new version a new eTag', async () => {
    await store.write({ a: { v: 1 } });
    const first = (await store.read(['a'])).a!;
    await store.write({ a: { ...first, v: 2 } });
    const second = (await store.read(['a'])).a!;
    expect(second.v).to.equal(2);
    expect(second.eTag).to.not.equal(first.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer value', async () => {
    await store.write({ a: { v: 1 } });
    const stale = (await store.read(['a'])).a!;
    await store.write({ a: { ...stale, v: 2 } });
    expect(await rejection(store.write({ a: { ...stale, v: 3 } }))).to.be.instanceOf(ETagConflictError);
    expect((await store.read(['a'])).a!.v).to.equal(2);
  });

  it('overwrites with "*" or with no eTag at all', async () => {
    await store.write({ a: { v: 1 } });
    await store.write({ a: { v: 2, eTag: '*' } });
    expect((await store.read(['a'])).a!.v).to.equal(2);
    await store.write({ a: { v: 3 } });
    expect((await store.read(['a'])).a!.v).to.equal(3);
  });

  it('creates with NEW_DOCUMENT only while the key does not exist', async () => {
    await store.write({ a: { v: 1, eTag: NEW_DOCUMENT } });
    expect(await rejection(store.write({ a: { v: 2, eTag: NEW_DOCUMENT } }))).to.be.instanceOf(ETagConflictError);
    expect((await store.read(['a'])).a!.v).to.equal(1);
  });

  it('lets exactly one of many racing creators win, also through another handle', async () => {
    const other = await s.peer();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).write({ once: { by: i, eTag: NEW_DOCUMENT } })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).to.be.instanceOf(ETagConflictError);
  });

  it('counts every increment exactly once when writers race with eTag retries', async () => {
    const other = await s.peer();
    const increment = async (via: DocumentStore) => {
      for (;;) {
        const current = (await via.read(['counter'])).counter;
        try {
          await via.write({ counter: { n: ((current?.n as number | undefined) ?? 0) + 1, eTag: current?.eTag ?? NEW_DOCUMENT } });
          return;
        } catch (err) {
          if (!(err instanceof ETagConflictError)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => increment(i % 2 ? other : store)));
    expect((await store.read(['counter'])).counter!.n).to.equal(12);
  });

  it('does not let callers change stored data by mutating what they read or wrote', async () => {
    const value = { list: [1] };
    await store.write({ a: value });
    value.list.push(2);
    const read = (await store.read(['a'])).a as { list: number[] };
    read.list.push(3);
    expect(((await store.read(['a'])).a as { list: number[] }).list).to.deep.equal([1]);
  });

  it('deletes, and deleting a missing key is fine', async () => {
    await store.write({ a: { v: 1 } });
    await store.delete(['a', 'never']);
    expect(await store.read(['a'])).to.deep.equal({});
  });

  it('keeps data across a reopen, as a restart would', async () => {
    await store.write({ 'emulator/conversations/c1/': { dialogState: { stack: [] }, note: '中文' } });
    const reopened = await s.reopen();
    expect((await reopened.read(['emulator/conversations/c1/']))['emulator/conversations/c1/']!.note).to.equal('中文');
  });

  it('lists the keys under a prefix, sorted, with when each was last written, and nothing else', async () => {
    const before = Date.now() - 2000;
    const keys = [
      'tickets/T-1002',
      'tickets/T-1001',
      'tickets/counter',
      'ticketsx/other',
      'state/emulator/conversations/会话 1/',
      'state/x/users/u1/',
      `state/${'y'.repeat(3000)}`,
    ];
    await store.write(Object.fromEntries(keys.map((k) => [k, { k }])));
    const tickets = await store.list('tickets/');
    expect(tickets.map((k) => k.key)).to.deep.equal(['tickets/T-1001', 'tickets/T-1002', 'tickets/counter']);
    for (const k of tickets) expect(k.modifiedAt).to.be.within(before, Date.now() + 2000);
    expect((await store.list('state/')).map((k) => k.key)).to.deep.equal([
      'state/emulator/conversations/会话 1/',
      'state/x/users/u1/',
      `state/${'y'.repeat(3000)}`,
    ]);
    expect((await store.list('state/emulator/')).map((k) => k.key)).to.deep.equal(['state/emulator/conversations/会话 1/']);
    expect(await store.list('nothing/')).to.deep.equal([]);
    await store.delete(['tickets/T-1001']);
    expect((await store.list('tickets/T')).map((k) => k.key)).to.deep.equal(['tickets/T-1002']);
  });
}
