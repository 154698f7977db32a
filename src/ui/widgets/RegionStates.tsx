// The header's polling state with several regions: each region named, its state in its tone.
import React from 'react';
import { Text } from 'ink';
import type { RegionState } from '../regionStatus.js';
import { useTheme, type Theme } from '../theme.js';
import type { PollTone } from '../pollStatus.js';

export function RegionStates({ states, colour }: { states: readonly RegionState[]; colour: (theme: Theme, tone: PollTone) => string | undefined }) {
  const theme = useTheme();
  return (
    <Text>
      {'● '}
      {states.map((r, i) => (
        <Text key={r.regionId}>
          {i > 0 ? <Text color={theme.muted}> · </Text> : null}
          {r.regionId} <Text color={colour(theme, r.tone)}>{r.text}</Text>
        </Text>
      ))}
    </Text>
  );
}
