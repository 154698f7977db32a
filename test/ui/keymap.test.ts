import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { KEYMAP, helpRows, keyTokens, resolveAction, type KeyContext } from '../../src/ui/keymap.js';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keyTokens', () => {
  it('splits keys typed fast into one token per character', () => {
    expect(keyTokens('jj', none)).toEqual(['j', 'j']);
    expect(keyTokens('jjG', { ...none, shift: false })).toEqual(['j', 'j', 'G']);
    expect(keyTokens('j\r', none)).toEqual(['j', 'enter']);
    expect(keyTokens('ab\u007fc', none)).toEqual(['a', 'b', 'backspace', 'c']);
  });

  it('names special keys', () => {
    expect(keyTokens('', { ...none, downArrow: true })).toEqual(['down']);
    expect(keyTokens('', { ...none, pageDown: true })).toEqual(['pagedown']);
    expect(keyTokens('', { ...none, return: true })).toEqual(['enter']);
    expect(keyTokens('', { ...none, escape: true, meta: true })).toEqual(['esc']);
    // Most terminals send DEL for Backspace; Ink calls it delete.
    expect(keyTokens('', { ...none, delete: true })).toEqual(['backspace']);
    expect(keyTokens('c', { ...none, ctrl: true })).toEqual(['ctrl-c']);
    expect(keyTokens('f', { ...none, ctrl: true })).toEqual(['ctrl-f']);
  });

  it('reads a control byte inside a chunk as its ctrl key', () => {
    expect(keyTokens('j\u0003', none)).toEqual(['j', 'ctrl-c']);
  });

  it('reads Esc merged with the next key as Esc then that key', () => {
    expect(keyTokens('h', { ...none, meta: true })).toEqual(['esc', 'h']);
  });
});

describe('the keymap table', () => {
  it('gives one key its own meaning in each context', () => {
    const cases: [KeyContext, string, string | undefined][] = [
      ['invocations', '/', 'filter'],
      ['invocation', '/', 'filter'],
      ['output', '/', 'search'],
      ['content', '/', 'search'],
      ['invocations', 'esc', 'back'],
      ['prompt', 'esc', 'clear'],
      ['invocations', 'enter', 'open'],
      ['prompt', 'enter', 'apply'],
      ['output', 'backspace', 'back'],
      ['prompt', 'backspace', 'deleteChar'],
      ['output', 'q', 'quit'],
      ['confirm', 'q', undefined],
      ['confirm', 'ctrl-c', 'quit'],
      ['help', 'j', 'down'],
      ['content', 'G', 'last'],
    ];
    for (const [context, key, action] of cases) expect(resolveAction(context, key), `${key} in ${context}`).toBe(action);
  });

  it('binds a screen key only where it applies', () => {
    const cases: [KeyContext, string][] = [
      ['invocations', 'f'],
      ['invocations', 'e'],
      ['invocation', 'n'],
      ['output', 's'],
      ['output', 'enter'],
      ['content', 'x'],
      ['help', 'r'],
      ['confirm', 'j'],
      ['invocations', 'y'],
    ];
    for (const [context, key] of cases) expect(resolveAction(context, key), `${key} in ${context}`).toBeUndefined();
  });

  it('never binds one key to two actions in one context', () => {
    const seen = new Map<string, string>();
    for (const binding of KEYMAP) {
      for (const context of binding.contexts) {
        for (const key of binding.keys) {
          const slot = `${context} ${key}`;
          const before = seen.get(slot);
          expect(before === undefined || before === binding.action, `${slot}: ${before} and ${binding.action}`).toBe(true);
          seen.set(slot, binding.action);
        }
      }
    }
  });

  it('has every key of the design keymap', () => {
    const design: [KeyContext, string, string][] = [
      ['invocations', 'j', 'down'],
      ['invocations', 'k', 'up'],
      ['invocations', 'down', 'down'],
      ['invocations', 'pagedown', 'pageDown'],
      ['invocations', 'ctrl-b', 'pageUp'],
      ['invocations', 'g', 'first'],
      ['invocations', 'End', 'last'],
      ['invocations', 'enter', 'open'],
      ['invocations', 'l', 'open'],
      ['invocation', 'h', 'back'],
      ['invocation', 'backspace', 'back'],
      ['invocations', '/', 'filter'],
      ['invocations', 's', 'statusFilter'],
      ['output', 'r', 'refresh'],
      ['output', 'f', 'follow'],
      ['output', 'w', 'wrap'],
      ['output', 't', 'timestamps'],
      ['output', 'v', 'raw'],
      ['output', 'n', 'nextMatch'],
      ['output', 'N', 'prevMatch'],
      ['invocation', 'c', 'content'],
      ['invocation', 'x', 'stop'],
      ['output', 'e', 'save'],
      ['output', '?', 'help'],
      ['output', 'q', 'quit'],
      ['prompt', 'ctrl-c', 'quit'],
      ['confirm', 'y', 'confirm'],
    ];
    for (const [context, key, action] of design) {
      const token = key === 'End' ? 'end' : key;
      expect(resolveAction(context, token), `${key} in ${context}`).toBe(action);
    }
  });

  it('lets a prompt take q and letters as text', () => {
    expect(resolveAction('prompt', 'q')).toBeUndefined();
    expect(resolveAction('prompt', 'j')).toBeUndefined();
  });

  it('gives the help one row per binding, with every key written out', () => {
    const rows = helpRows();
    expect(rows).toContainEqual({ keys: 'j, ↓', description: 'move down', where: 'everywhere' });
    expect(rows).toContainEqual({ keys: 'PgDn, ctrl-f', description: 'page down', where: 'everywhere' });
    expect(rows).toContainEqual({ keys: 'Enter, l, →', description: 'open the selected row', where: 'list, invocation, groups' });
    expect(rows).toContainEqual({
      keys: 'Esc, h, ←, Backspace',
      description: 'back (on a filtered list: clear the filter first)',
      where: 'everywhere',
    });
    expect(rows).toContainEqual({ keys: 'e', description: 'save the shown output to a file', where: 'output' });
    expect(rows).toContainEqual({ keys: 'ctrl-c', description: 'quit', where: 'filter/search prompt, confirm' });
    expect(rows).toContainEqual({ keys: 'Backspace', description: 'delete the last character', where: 'filter/search prompt' });
  });

  it('R re-runs and y copies ids on the invocation and its groups; read-only help has neither x nor R', () => {
    for (const context of ['invocation', 'groups'] as const) {
      expect([resolveAction(context, 'R'), resolveAction(context, 'y')]).toEqual(['rerun', 'copyIds']);
    }
    expect(resolveAction('confirm', 'y')).toBe('confirm');
    const readOnly = helpRows({ readOnly: true }).map((r) => r.keys);
    expect(readOnly).toContain('y');
    expect(readOnly).not.toContain('R');
    expect(readOnly).not.toContain('x');
    expect(helpRows().map((r) => r.keys)).toContain('R');
  });
});
