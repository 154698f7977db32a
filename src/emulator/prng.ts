// The emulator's PRNG lives beside the clock (src/prng.ts): the poller seeds its pace's jitter with it too.
export { Prng, hash32 } from '../prng.js';
