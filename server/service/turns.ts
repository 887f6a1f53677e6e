import { ChimeError } from '../errors.ts';

/**
 * Runs tasks one at a time, in the order they came; past `maxWaiting` waiting, refuses more at
 * once (503, Retry-After) rather than queueing without end.
 */
export class Turns {
  private last: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly maxWaiting: number,
    /** What a refused caller is told, before "try again in N s". */
    private readonly busy: string,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) throw new ChimeError('unavailable', `${this.busy}; try again in 5 s.`, undefined, 5);
    this.waiting++;
    const turn = this.last.then(() => {
      this.waiting--;
      return task();
    });
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
