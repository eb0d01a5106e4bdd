import { useEffect, useState } from 'react';
import { millisecondsLeft, type ServerClock } from '../lib/clock/server-clock.js';

/** Ticks a few times a second, so the displayed second changes close to when it really does. */
const TICK_MS = 250;

/** The time left until the deadline by the server's clock, re-read on every tick; undefined without a deadline. */
export function useMillisecondsLeft(clock: ServerClock, deadline: string | undefined): number | undefined {
  const read = () => (deadline === undefined ? undefined : millisecondsLeft(deadline, clock, performance.now()));
  const [msLeft, setMsLeft] = useState(read);
  useEffect(() => {
    const update = () =>
      setMsLeft(deadline === undefined ? undefined : millisecondsLeft(deadline, clock, performance.now()));
    update();
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [clock, deadline]);
  return msLeft;
}
