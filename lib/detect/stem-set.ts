/**
 * Set of 32-bit stem hashes in typed arrays (open addressing, epoch-cleared), so the per-comment
 * parent set is reused instead of allocating a JS Set for every reply.
 */
export class StemSet {
  private keys = new Int32Array(256);
  private stamps = new Int32Array(256);
  private epoch = 1;
  private count = 0;

  /** Distinct stems held. */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.epoch++;
    this.count = 0;
  }

  add(hash: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.epoch) {
        this.stamps[slot] = this.epoch;
        this.keys[slot] = hash;
        this.count++;
        return;
      }
      if (this.keys[slot] === hash) return;
    }
  }

  has(hash: number): boolean {
    const mask = this.keys.length - 1;
    for (let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.epoch) return false;
      if (this.keys[slot] === hash) return true;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldStamps = this.stamps;
    const oldEpoch = this.epoch;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.stamps = new Int32Array(oldKeys.length * 2);
    this.epoch = 1;
    this.count = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) if (oldStamps[slot] === oldEpoch) this.add(oldKeys[slot]!);
  }
}
