// Terminal alerts: the bytes of each channel (sequences.ts), which transitions alert (decide.ts)
// and the store subscriber that writes them (alerts.ts).
export * from './sequences.js';
export * from './options.js';
export * from './decide.js';
export { startAlerts, alertMessage, alertSummary } from './alerts.js';
