// --notify, --notify-on and --notify-failed-ratio as parseArgs reads them: the values kept, and
// one line naming the flag for each mistake.
import { describe, expect, it } from 'vitest';
import { monitor, usage } from '../cli/helpers/parse.js';



describe('--notify flags', () => {
  it('are off unless asked for', () => {
    expect(monitor([]).notify).toBeUndefined();
  });

  it('keep the channels once each in order, what alerts, the ratio, and --invoke-id as watched', () => {
    expect(monitor(['--notify', 'OSC777, bell,osc777', '--notify-on', 'Failed', '--notify-failed-ratio', '25%', '--invoke-id', 't-1']).notify).toEqual({
      channels: ['osc777', 'bell'],
      on: 'failed',
      failedRatio: 0.25,
      watch: ['t-1'],
    });
    expect(monitor(['--notify', 'title', '--notify-failed-ratio', '1']).notify).toEqual({ channels: ['title'], failedRatio: 1, watch: [] });
  });

  it.each([
    [['--notify', 'bell,beep'], '--notify takes a list of bell, osc9, osc777, title such as bell,osc777 (got "beep")'],
    [['--notify', ''], '--notify takes a list of bell, osc9, osc777, title such as bell,osc777 (got "")'],
    [['--notify', 'bell', '--notify-on', 'always'], '--notify-on takes finished (every new invocation that ends) or failed (those that fail) (got "always")'],
    [['--notify', 'bell', '--notify-failed-ratio', '0'], '--notify-failed-ratio takes a share of failed instances above 0 and at most 1, e.g. 0.25 or 25% (got "0")'],
    [['--notify', 'bell', '--notify-failed-ratio', '150%'], '--notify-failed-ratio takes a share of failed instances above 0 and at most 1, e.g. 0.25 or 25% (got "150%")'],
    [['--notify', 'bell', '--notify-failed-ratio', 'half'], '--notify-failed-ratio takes a share of failed instances above 0 and at most 1, e.g. 0.25 or 25% (got "half")'],
    [['--notify-on', 'failed'], '--notify-on needs --notify with the channels to alert on, e.g. --notify bell,osc777'],
    [['--notify-failed-ratio', '0.5'], '--notify-failed-ratio needs --notify with the channels to alert on, e.g. --notify bell,osc777'],
    [['--notify', 'bell', '--once'], '--notify alerts from the live monitor; drop --once, --json or --wait'],
  ])('%j: one line', (args, message) => {
    expect(usage(args)).toBe(message);
  });
});
