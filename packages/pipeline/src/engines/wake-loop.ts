import type { PipelineLog } from '../log/pipeline-log';

/** How long an idle engine waits before looking again: new work from another process, or a delayed retry. */
const IDLE_LOOK_MS = 2000;
const SOONEST_LOOK_MS = 20;

/**
 * The "look for work" loop both engines share: one look at a time (a wake during a look asks for one
 * more), and a timer for the next look, sooner when a delayed retry falls due. A failed look is logged
 * and retried at the next tick; it never stops the loop.
 */
export class WakeLoop {
  private timer: NodeJS.Timeout | null = null;
  private looking = false;
  private again = false;
  private stopped = true;

  constructor(
    private readonly look: () => Promise<void>,
    private readonly nextDueAt: () => Promise<Date | null>,
    private readonly log: PipelineLog,
    private readonly engine: string,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = true;
    this.lookThenSchedule()
      .catch((err: unknown) => this.log.error({ err, engine: this.engine }, 'looking for work failed'))
      .finally(() => {
        this.looking = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async lookThenSchedule(): Promise<void> {
    try {
      await this.look();
    } finally {
      await this.scheduleNextLook();
    }
  }

  private async scheduleNextLook(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    // Scheduled before asking the database, so a failing query still leaves a look coming.
    this.timer = setTimeout(() => this.wake(), IDLE_LOOK_MS);
    this.timer.unref();
    const due = await this.nextDueAt();
    if (!due || this.stopped) return;
    clearTimeout(this.timer);
    const wait = Math.max(SOONEST_LOOK_MS, Math.min(due.getTime() - Date.now(), IDLE_LOOK_MS));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }
}
