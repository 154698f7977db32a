// A status word in its colour. The word alone carries the meaning (NO_COLOR reads the same).
import React from 'react';
import { Text } from 'ink';
import { statusLabel } from '../../api/status.js';
import type { InstanceStatus, InvocationStatus } from '../../api/wire.js';
import { sanitizeInline } from '../../text/index.js';
import { instanceStatusColour, invocationStatusColour, useTheme } from '../theme.js';

/** `value`: the entity's `statusValue`, shown as `unknown (value)` for a status catop does not know. */
export function StatusBadge({ status, value, instance = false }: { status: InvocationStatus | InstanceStatus; value?: string; instance?: boolean }) {
  const theme = useTheme();
  const colour = instance
    ? instanceStatusColour(theme, status as InstanceStatus)
    : invocationStatusColour(theme, status as InvocationStatus);
  // Normalisation gives known statuses; sanitise anyway, the value came over the network.
  return <Text color={colour}>{sanitizeInline(statusLabel(status, value))}</Text>;
}
