// Text already cut to its box, as one Ink text node: runs of colour, the selection bar, and the
// stand-in Ink measures in its place (asciiStandIn.ts).
import React from 'react';
import { Text, Transform } from 'ink';
import { asciiStandIn } from './asciiStandIn.js';
import { useTheme, type Colour } from '../theme.js';

/** Text drawn in one colour; it may hold line breaks. */
export interface Run {
  text: string;
  colour: Colour;
}

export interface FittedTextProps {
  runs: readonly Run[];
  /** The selection bar (its colours replace the runs' own). */
  selected?: boolean;
  /**
   * The width of the box when every line fits it (Ink never wraps or cuts them): Ink then
   * measures a stand-in of that shape. Without it the text is measured as it is.
   */
  box?: number;
}

function sameRuns(a: readonly Run[], b: readonly Run[]): boolean {
  return a.length === b.length && a.every((run, k) => run.text === b[k].text && run.colour === b[k].colour);
}

/**
 * Redrawn only when its text or colours change: a table's cells are computed again every
 * render (they read the store and the clock), its Ink nodes are not.
 */
export const FittedText = React.memo(
  function FittedText({ runs, selected = false, box }: FittedTextProps) {
    const theme = useTheme();
    const texts = runs.map((run) => run.text);
    const standIn = box === undefined ? undefined : asciiStandIn(texts, box);
    const text = (
      <Text
        inverse={selected && theme.selection.inverse}
        color={selected ? theme.selection.text : undefined}
        backgroundColor={selected ? theme.selection.background : undefined}
        bold={selected}
        wrap="truncate-end"
      >
        {runs.map((run, k) => (
          <Text key={k} color={selected ? undefined : run.colour}>
            {standIn ? standIn.parts[k] : run.text}
          </Text>
        ))}
      </Text>
    );
    return standIn ? (
      <Transform transform={standIn.restore} accessibilityLabel={texts.join('')}>
        {text}
      </Transform>
    ) : (
      text
    );
  },
  (a, b) => a.selected === b.selected && a.box === b.box && sameRuns(a.runs, b.runs),
);
