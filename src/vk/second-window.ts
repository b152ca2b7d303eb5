// One token's share of VK's per-second window, kept from the client's side without ever going over it. VK counts
// a request when it arrives, which is some time between our sending it and VK's answer reaching us; so a slot is
// taken when a request leaves and given back one full window after its answer came (the answer's headers: VK
// answers only after counting). A request sent later can then never arrive within the window of one still held:
// at most `limit` requests in any window as VK sees it, whatever the network and the machine's load do to the
// timing. Compared with spacing requests evenly on our own clock (p-throttle with a margin), nothing is lost to
// a fixed margin, and no request is refused with error 6 for arriving bunched.

export type WindowWork<T> = (answered: () => void) => Promise<T>;

export class SecondWindow {
  /** Times (ms) at which held slots come free, in order. */
  private readonly held: number[] = [];
  private busy = 0;
  private readonly queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `work` in a slot. `work` calls `answered` when VK's answer arrives (its headers); without that call the
   * slot is held from the work's end, later and so as safe.
   */
  async run<T>(work: WindowWork<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.queue.push(resolve);
      this.pump();
    });
    let releasedAt: number | null = null;
    const answered = () => {
      releasedAt ??= this.now();
    };
    try {
      return await work(answered);
    } finally {
      this.busy--;
      this.held.push((releasedAt ?? this.now()) + this.windowMs);
      // Answers can come back out of order; the list stays sorted so the first entry is the next to come free.
      this.held.sort((a, b) => a - b);
      this.pump();
    }
  }

  private pump() {
    const t = this.now();
    while (this.held.length > 0 && (this.held[0] as number) <= t) this.held.shift();
    let free = this.limit - this.busy - this.held.length;
    while (free > 0 && this.queue.length > 0) {
      this.busy++;
      free--;
      this.queue.shift()?.();
    }
    const next = this.held[0];
    if (this.queue.length === 0 || next === undefined) return;
    // One timer, for the slot that comes free first (an answer read late may free one sooner than planned).
    if (this.timer !== null && this.timerAt <= next) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.pump();
      },
      Math.max(1, next - t),
    );
  }
}
