/**
 * Grouping an invocation's instances by result: output fingerprints with noise masked, an
 * incremental grouper, the reference group for diffs, the diff itself, and the script formats.
 * Pure: no network, no terminal, no React.
 */
export type { Group, GroupMember, GroupMode, OwnIdentity } from './types.js';
export { GROUP_MODES, PENDING } from './types.js';
export { fingerprint, maskOutput, FINGERPRINT_LENGTH } from './fingerprint.js';
export { createGrouper, compareGroups, statusRank, firstLineOf, type Grouper } from './grouper.js';
export { referenceGroup, compareReference } from './reference.js';
export { diffSamples, diffText, type DiffLine, type DiffMark, type SampleDiff } from './diff.js';
export { groupsJsonLines, groupsTable, groupRecord, idsToFit, sampleFirstLine } from './format.js';
export { createGroupBook, type GroupBook, type OutputsProgress } from './book.js';
