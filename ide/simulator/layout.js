// Shared-memory layout between host.js (main thread) and board.js (worker).
// ctl is an Int32Array; ring positions run modulo 2**30 (IDX_MASK).

export const IN_W = 0; // host: next input position to write
export const IN_R = 1; // worker: next input position to read
export const SKIP = 2; // input position the worker must skip (a Ctrl-C already acted on)
export const OUT_W = 3; // worker: next output position to write
export const OUT_R = 4; // host: next output position to read
export const HOST_WAITING = 5; // host is waiting for output: worker notifies OUT_W
export const WAKE = 6; // bumped by the host to wake the worker from a sleep
export const POWER = 7; // 1 while the power is cut (VirtualBoard.power_cycle): worker restarts
export const CTL_WORDS = 8;

export const IN_SIZE = 1 << 20;
export const OUT_SIZE = 1 << 16;
export const IDX_MASK = (1 << 30) - 1;
