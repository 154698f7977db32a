// A text pager's rows on screen: the one view of output, command content and a past run's
// output, so the search highlight, the current match and line numbers read alike everywhere.
import React from 'react';
import type { TextPager } from '../hooks/useTextPager.js';
import { Pager } from './Pager.js';

export interface TextPagerViewProps {
  pager: TextPager;
  height: number;
  width: number;
  emptyText: string;
}

export function TextPagerView({ pager, height, width, emptyText }: TextPagerViewProps) {
  const current = pager.match >= 0 ? pager.matches[pager.match] : undefined;
  const { rows, top, query, lineNumbers } = pager;
  return <Pager {...{ lines: rows, top, query, lineNumbers, currentSource: current, height, width, emptyText }} />;
}
