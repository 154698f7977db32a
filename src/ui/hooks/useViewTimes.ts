// The app clock, the time mode `t` chose, and the time texts a screen draws with: what every
// screen that shows times starts from.
import { useUiView } from '../context.js';
import { useTimeText } from './useTimeText.js';

export function useViewTimes() {
  const { clock, timeMode } = useUiView();
  return { clock, timeMode, times: useTimeText(clock, timeMode) };
}
