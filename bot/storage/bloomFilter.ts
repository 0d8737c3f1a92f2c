/**
 * A fixed-size set of hex hashes that may answer "maybe" for a hash never added, never "no" for one
 * that was: memory stays the same however many keys are stored. 2^23 bits (1 MiB) with 4 probes
 * answers wrongly for about 1 in 40 unknown keys at a million stored, and almost never below 100,000.
 * Its bits live in shared memory, so that the checkpoint thread adds the files it writes and the main
 * thread sees them (bits are only ever set, so a read that races a write errs towards "maybe").
 */
export class BloomFilter {
  private readonly bits: Uint8Array;
  private readonly mask: number;

  constructor(readonly buffer = new SharedArrayBuffer(2 ** 20)) {
    this.bits = new Uint8Array(buffer);
    this.mask = buffer.byteLength * 8 - 1;
  }

  /** `hex`: at least 32 hex digits of a uniform hash (sha256 of the key). */
  add(hex: string): void {
    for (const bit of this.probes(hex)) this.bits[bit >>> 3]! |= 1 << (bit & 7);
  }

  mightContain(hex: string): boolean {
    return this.probes(hex).every((bit) => (this.bits[bit >>> 3]! & (1 << (bit & 7))) !== 0);
  }

  private probes(hex: string): number[] {
    return [0, 8, 16, 24].map((i) => parseInt(hex.slice(i, i + 8), 16) & this.mask);
  }
}
