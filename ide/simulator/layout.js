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
// The scheduler entry the host injects so timers and pin handlers run inside a busy loop
// (host.js, injectService; board.js, the scheduler probe):
export const BLOCKED = 8; // worker: 1 while it sleeps in Atomics.wait (it services timers itself)
export const GEN = 9; // worker: bumped for each fresh interpreter (its memory replaces the last)
export const SCHED_FUNC = 10; // worker: the runtime's _scheduled function (an mp_obj_t), 0 = none
export const SCHED_ARG = 11; // worker: the argument the injected entry passes (None)
export const PINS_SEEN = 12; // worker: pin commands its pin handlers have looked at (a count)
// the program's micropython.schedule() and the host's injection exclude each other (Dekker):
export const SCHED_WANT = 13; // worker: 1 while the program's schedule() writes the queue
export const SCHED_BUSY = 14; // host: 1 while it claims the queue and writes its entry
export const CTL_WORDS = 15;

export const IN_SIZE = 1 << 20;
export const OUT_SIZE = 1 << 16;
export const IDX_MASK = (1 << 30) - 1;
