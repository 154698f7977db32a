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
  return (
    <Pager
      lines={pager.rows}
      top={pager.top}
      height={height}
      width={width}
      query={pager.query}
      lineNumbers={pager.lineNumbers}
      currentSource={pager.match >= 0 ? pager.matches[pager.match] : undefined}
      emptyText={emptyText}
    />
  );
}
