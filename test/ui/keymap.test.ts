import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { KEYMAP, helpRows, keyLabel, keyTokens, resolveAction, type KeyContext } from '../../src/ui/keymap.js';

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
  it('resolves each key of each binding in each of its contexts to its action', () => {
    for (const binding of KEYMAP) {
      for (const context of binding.contexts) {
        for (const key of binding.keys) {
          expect(resolveAction(context, key), `${key} in ${context}`).toBe(binding.action);
        }
      }
    }
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
    expect(rows).toHaveLength(KEYMAP.length);
    rows.forEach((row, i) => {
      for (const key of KEYMAP[i].keys) expect(row.keys).toContain(keyLabel(key));
      expect(row.description).toBe(KEYMAP[i].description);
    });
  });
});
