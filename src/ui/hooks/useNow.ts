// The app clock's time, re-read every `everyMs`: ages and running durations move on screen
// even while no data changes. On a FakeClock it moves only when the test advances time.
import { useEffect, useState } from 'react';
import type { Clock, ClockTimer } from '../../clock.js';

export function useNow(clock: Clock, everyMs = 1000): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    let timer: ClockTimer;
    const tick = () => {
      setNow(clock.now());
      timer = clock.setTimeout(tick, everyMs);
    };
    timer = clock.setTimeout(tick, everyMs);
    return () => clock.clearTimeout(timer);
  }, [clock, everyMs]);
  return now;
}
