// A status word in its colour. The word alone carries the meaning (NO_COLOR reads the same).
import React from 'react';
import { Text } from 'ink';
import type { InstanceStatus, InvocationStatus } from '../../api/wire.js';
import { sanitizeInline } from '../../text/index.js';
import { instanceStatusColour, invocationStatusColour, useTheme } from '../theme.js';

export function StatusBadge({ status, instance = false }: { status: InvocationStatus | InstanceStatus; instance?: boolean }) {
  const theme = useTheme();
  const colour = instance
    ? instanceStatusColour(theme, status as InstanceStatus)
    : invocationStatusColour(theme, status as InvocationStatus);
  // Normalisation gives known statuses; sanitise anyway, the value came over the network.
  return <Text color={colour}>{sanitizeInline(status)}</Text>;
}
