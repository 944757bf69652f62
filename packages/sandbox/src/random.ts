// Seeded pseudo-random numbers (mulberry32: a 32-bit state, one multiply-xorshift round per
// draw) for reproducible ids and fault decisions. Its state is a single number, so it is
// saved with the sandbox state.

export class Random {
  constructor(public state: number) {
    this.state = state >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/** AWS-style ids: `prefix-` + lowercase hex (17 digits by default, like `i-0abc…`). */
export class IdGenerator {
  readonly random: Random;
  private readonly used = new Set<string>();

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  next(prefix: string, hexLength = 17): string {
    for (;;) {
      const id = `${prefix}-${this.random.hex(hexLength)}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  /** Mark ids as taken (after restoring state). */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.used.add(id);
  }
}
