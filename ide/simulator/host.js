// The virtual board's "USB chip":
//   node host.js <micropython.mjs> <board_runtime.py> <heap bytes> <control port> [<flash dir>]
//
//   stdin   bytes from the serial client (relayed by ide/simulator/bridge.py)
//   stdout  bytes to the serial client
//   control a TCP connection to 127.0.0.1:<control port> (ide/simulator/control.py); the first
//           line sent is $HOTARU_SIM_TOKEN. Out: one JSON object per line for the Python side,
//           {"ready":true}, pin changes. In: commands, {"pin": name, "value": 0|1}.
//   flash dir  the host folder that keeps the board's files ("" = in memory only)
//
// The interpreter runs in a worker (board.js). This thread never blocks, so it can always see
// Ctrl-C and raise KeyboardInterrupt inside the interpreter through shared memory.

import { MessageChannel, Worker } from "node:worker_threads";
import net from "node:net";
import path from "node:path";
import * as L from "./layout.js";

const [modulePath, runtimePath, heapArg, controlPortArg, flashDir] = process.argv.slice(2);

const ctlBuffer = new SharedArrayBuffer(L.CTL_WORDS * 4);
const inBuffer = new SharedArrayBuffer(L.IN_SIZE);
const outBuffer = new SharedArrayBuffer(L.OUT_SIZE);
const ctl = new Int32Array(ctlBuffer);
const inRing = new Uint8Array(inBuffer);
const outRing = new Uint8Array(outBuffer);
Atomics.store(ctl, L.SKIP, -1);

// The control connection: when the Python side goes away, so does the board.
const control_ = net.connect({ port: Number(controlPortArg), host: "127.0.0.1" });
control_.setNoDelay(true);
control_.write(`${process.env.HOTARU_SIM_TOKEN || ""}\n`);
control_.on("error", () => process.exit(0));
control_.on("close", () => process.exit(0));

function event(obj) {
  control_.write(`${JSON.stringify(obj)}\n`);
}

// The worker (the board's CPU). A power cycle it does not answer replaces it (restartWorker).
let control = null; // the worker's command channel (port1 here)
let worker = null;

let heap32 = null; // the interpreter's memory (a SharedArrayBuffer)
let addr = null;
let heapGen = 0; // which interpreter heap32 belongs to (board.js bumps L.GEN for each)
let runtimeUp = false; // that interpreter's runtime has started (board.js, newInterpreter)

function startWorker(restarted) {
  control = new MessageChannel();
  const w = new Worker(new URL("./board.js", import.meta.url), {
    workerData: {
      ctlBuffer,
      inBuffer,
      outBuffer,
      modulePath,
      sourceDir: path.dirname(runtimePath),
      flashDir: flashDir || "",
      heapSize: Number(heapArg) || 2 * 1024 * 1024,
      control: control.port2,
      restarted,
    },
    transferList: [control.port2],
    stdout: false,
    stderr: false,
  });
  // a replaced worker's last messages and its exit are not the board's any more; but for its
  // "output ready" (0): what it wrote is in the shared ring, and the drain reads the ring
  w.on("message", (m) => (w === worker || m === 0) && workerMessage(m));
  w.on("error", (e) => {
    if (w !== worker) return;
    process.stderr.write(`board worker failed: ${e && e.stack ? e.stack : e}\n`);
    event({ error: String(e && e.message ? e.message : e) });
    process.exit(1);
  });
  w.on("exit", (code) => w === worker && process.exit(code));
  worker = w;
}

// The pins a PWM drives with a duty above 0. Ctrl-C leaves them running, as on a board; a
// reset (soft, hard, power) stops them: rp2's and esp32's soft reboot call
// machine_pwm_deinit_all(). The host is told each one is off, so the board view's buzzer and a
// faded LED stop with it, whichever worker runs the next interpreter.
const pwmRunning = new Set();

// The parts that say what the running program reads ("adc:26", "dht:5"): a reset ends the
// program, so the host hears they are no longer read (value null).
const programParts = new Set();

function resetOff() {
  const t = performance.timeOrigin + performance.now();
  for (const name of pwmRunning) event({ pwm: name, value: 0, t });
  pwmRunning.clear();
  for (const key of programParts) event({ part: key, value: null, t });
  programParts.clear();
}

function workerMessage(m) {
  if (m === 0) {
    drainOutput();
  } else if (m.memory) {
    resetOff(); // a fresh interpreter: the reset before it stopped every PWM, ended the program
    heap32 = new Int32Array(m.memory);
    addr = m.addr;
    heapGen = m.gen;
    runtimeUp = false;
  } else if (m.runtime !== undefined) {
    runtimeUp = m.runtime === heapGen;
  } else if (m.power) {
    powerCycle(); // machine.reset() inside a callback (board.js, request_reset)
  } else if (m.sched) {
    sched = m.sched;
  } else if (m.deadline !== undefined) {
    armDeadline(m.deadline === null ? null : performance.now() + m.deadline);
  } else if (m.pin !== undefined || m.pwm !== undefined || m.part !== undefined) {
    if (m.pwm !== undefined) {
      if (m.value > 0) pwmRunning.add(m.pwm);
      else pwmRunning.delete(m.pwm);
    } else if (m.part !== undefined && /^(adc|dht):/.test(m.part)) {
      programParts.add(m.part);
    }
    event(m);
  } else if (m.ready) {
    drainOutput(); // (after a restart: the wake-up the old worker owed may never have come)
    event({ ready: true });
  }
}

startWorker(false);

// The last level the host gave each input pin and part ("pin:GP5", "input:adc:26"): a worker
// started after a forced power cycle gets them again (the button is still held down).
const inputs = new Map();

// Commands from the Python side, one JSON object per line: {"pin": name, "value": 0|1}
{
  let pending = "";
  control_.on("data", (data) => {
    pending += data.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      const cmd = JSON.parse(line);
      if (cmd.power) {
        powerCycle();
        continue;
      }
      if (cmd.pin !== undefined) inputs.set(`pin:${cmd.pin}`, cmd);
      else if (cmd.input !== undefined) inputs.set(`input:${cmd.input}`, cmd);
      control.port1.postMessage(cmd);
      wakeWorker(); // a sleeping program notices (pin interrupts)
      if (cmd.pin !== undefined) {
        pinCommands++;
        kick(); // a busy one too
      }
    }
  });
}

// ------------------------------------------------------------------ Ctrl-C

function interruptChar() {
  return heap32 && addr ? Atomics.load(heap32, addr.intChar >> 2) : -1;
}

function raiseKeyboardInterrupt() {
  Atomics.store(heap32, addr.traceback >> 2, 0);
  Atomics.store(heap32, addr.pending >> 2, addr.kbd);
  makePending(heap32, RECHECKS);
  wakeWorker();
}

// sched_state IDLE -> PENDING (the word's low half); sched_len and sched_idx share the word
// and are kept (idx moves on with every scheduled entry). Locked: the unlock sees the pending
// exception (py/scheduler.c, mp_sched_unlock). But the unlock's plain store and load are no
// fence: its `++sched_state` may pass through 0 (PENDING), or its store of the new state may
// land after its read of the pending word, and if that read came before this thread wrote the
// word, it stores IDLE and the interrupt would wait for whatever next makes the state pending.
// So while the exception is still pending (not raised yet) and the state is not IDLE, look
// again a few times, 1 ms apart. `heap`: the memory written (a reset meanwhile leaves the new
// one alone).
const RECHECKS = 20;

function makePending(heap, recheck) {
  if (heap !== heap32 || Atomics.load(heap, addr.pending >> 2) === 0) return; // raised
  const word = addr.sched >> 2;
  const idle = addr.schedIdle & 0xffff;
  const pending = addr.schedPending & 0xffff;
  for (;;) {
    const w = Atomics.load(heap, word);
    const state = w & 0xffff;
    if (state !== idle) {
      // pending, or locked (seen on unlock, unless that unlock is under way): look again
      if (recheck > 0) setTimeout(() => makePending(heap, recheck - 1), 1);
      return;
    }
    if (Atomics.compareExchange(heap, word, w, (w & ~0xffff) | pending) === w) return;
  }
}

// ------------------------------------------------------------------ handlers in busy loops
//
// A board runs Timer callbacks and pin IRQ handlers from interrupts, whatever the program
// does; the worker runs them only when the program calls into the runtime (sleeps, pin calls,
// clock reads). For a loop that does none of these, this thread puts one entry into the
// interpreter's scheduler queue (as micropython.schedule does): the runtime's _scheduled,
// which the VM then runs at the program's next jump. It does so when a timer is due (the
// worker publishes the next deadline) or a pin changed, while the worker is not asleep (then
// it runs them itself on waking), until the worker has run them (the deadline moves on, the
// pin commands are seen).
//
// It only ever writes into an idle, empty queue (sched_state IDLE, sched_len 0). Its own entry
// is in the queue (len > 0) or running (the scheduler LOCKED; while a handler runs with the
// scheduler opened for Ctrl-C, board.js sched_open, SCHED_WANT is held) until it is done, so
// it can never be injected twice and no "injected" flag is needed; an entry that does not run
// (a failed claim) cannot wedge anything: the next kick injects again.
//
// Injecting, against the VM's plain (non-atomic) writes: (1) write the slot at idx; (2)
// compare-exchange the state word from IDLE/len 0 to LOCKED/len 1 (idx kept): the VM runs no
// entry while the scheduler is locked, and a micropython.schedule() of the program now
// appends after this slot; (3) compare-exchange the state half LOCKED -> PENDING, keeping
// whatever len the program has added, unless the entry is no longer at idx (then it already
// ran). Writing the slot first is safe: with len 0 the slot at idx holds no entry (the VM
// reads a slot only below len; the next schedule() writes exactly that one), the program's
// own micropython.schedule() cannot write it meanwhile (it goes through the runtime,
// board_runtime.py _schedule, which the flags exclude: board.js, sched_enter), and if (2)
// fails the stray write is invisible (len stays 0) and overwritten by the next entry. So a GC
// finaliser's scheduler lock (the program dropping an open file) that read IDLE just before
// (2), stores LOCKED over it and unlocks to PENDING makes the VM run this very entry (the
// slot is already written): the slot's previous entry can never run again. What remains: a
// finaliser's lock that lands between (2) and (3) is taken for the VM's own lock by (3) (its
// state is LOCKED too), and the lock count then ends one off (the queue idle with the entry
// counted, or the scheduler left locked). The window is the few instructions between two
// atomics of this thread, while the program frees an object with a finaliser.

let sched = null; // the queue's layout (board.js, probeSchedQueue); null until found
let deadline = null; // the next timer's deadline (performance.now() ms), null: no timer runs
let deadlineTimer = null;
let kickTimer = null;
let pinCommands = 0; // pin commands sent to the worker (it counts the ones it has seen)
const KICK_MS = 2; // retry interval while the service is wanted but not yet done

function armDeadline(d) {
  deadline = d;
  if (deadlineTimer) clearTimeout(deadlineTimer);
  deadlineTimer = null;
  if (d === null) return;
  const delay = d - performance.now();
  if (delay <= 0) {
    kick();
    return;
  }
  // setTimeout may fire a fraction of a millisecond early: then it is armed again; it takes at
  // most 2^31-1 ms (a longer wait, such as a Timer's default period of 2^32-1 ms, would fire
  // at once): a longer one is armed again when that much has passed
  const wait = Math.min(Math.ceil(delay), 2 ** 31 - 1);
  deadlineTimer = setTimeout(() => armDeadline(deadline), wait);
}

function serviceWanted() {
  if (Atomics.load(ctl, L.PINS_SEEN) !== pinCommands) return true;
  return deadline !== null && deadline <= performance.now();
}

function kick() {
  if (kickTimer) clearTimeout(kickTimer);
  kickTimer = null;
  if (!serviceWanted()) return;
  if (!Atomics.load(ctl, L.BLOCKED)) injectService();
  kickTimer = setTimeout(kick, KICK_MS);
}

function injectService() {
  if (!heap32 || !sched) return false;
  const gen = Atomics.load(ctl, L.GEN);
  // memory of an earlier interpreter (its message not handled yet), or its entry not ready
  if (gen !== heapGen) return false;
  const func = Atomics.load(ctl, L.SCHED_FUNC);
  if (!func) return false;
  // not while the program's micropython.schedule() writes the queue (board.js, sched_enter)
  Atomics.store(ctl, L.SCHED_BUSY, 1);
  try {
    if (Atomics.load(ctl, L.SCHED_WANT)) return false;
    const word = sched.word >> 2;
    const w = Atomics.load(heap32, word);
    // only into an idle, empty queue: not while an entry waits or the scheduler runs one
    if ((w & 0xffff) !== sched.idle || ((w >>> 16) & 0xff) !== 0) return false;
    const idx = (w >>> 24) & (sched.depth - 1);
    // the slot first (the comment above says why): the entry is complete once it is counted
    const slot = (sched.queue >> 2) + 2 * idx;
    Atomics.store(heap32, slot, func);
    Atomics.store(heap32, slot + 1, Atomics.load(ctl, L.SCHED_ARG));
    const claimed = (w & ~0xffffff) | (1 << 16) | sched.locked;
    if (Atomics.compareExchange(heap32, word, w, claimed) !== w) return false;
    releaseInjection(heap32, word, idx);
    return true;
  } finally {
    Atomics.store(ctl, L.SCHED_BUSY, 0);
  }
}

// LOCKED -> PENDING: the VM runs the entry at the program's next jump. The state half may be
// below LOCKED for a moment (a GC finaliser of the program nests a lock): try again shortly.
// `heap`: the memory it was injected into (a reset meanwhile leaves the new one alone).
function releaseInjection(heap, word, idx) {
  if (heap !== heap32 || !sched) return; // a reset or a restart meanwhile: that memory is gone
  for (;;) {
    const v = Atomics.load(heap, word);
    if (((v >>> 24) & (sched.depth - 1)) !== idx) return; // it ran already
    const state = v & 0xffff;
    if (state !== sched.locked) {
      if (state > 0x8000 && state < sched.locked) {
        setImmediate(() => releaseInjection(heap, word, idx));
      }
      return; // PENDING already (or IDLE: gone): nothing to do
    }
    if (Atomics.compareExchange(heap, word, v, (v & ~0xffff) | sched.pending) === v) return;
  }
}

// The power switch: cut the power (the worker drops its output, input waiting is lost) and
// stop whatever runs with a KeyboardInterrupt written straight into the interpreter, whatever
// micropython.kbd_intr says, again every 5 ms until the worker has restarted (clears POWER):
// a program that catches the exception and loops on is stopped by the next one. A real power
// cycle cuts everything, whatever the program does: a worker that has not restarted within
// POWER_MS (a program that catches every KeyboardInterrupt, a handler that swallows them) is
// terminated and a fresh one started on the same flash folder (restartWorker).
let powerTimer = null;
let powerStart = 0;
const POWER_MS = 500;

function powerCycle() {
  Atomics.store(ctl, L.POWER, 1);
  pendingInput = [];
  lateInterrupts = [];
  powerStart = performance.now();
  const hit = () => {
    if (!Atomics.load(ctl, L.POWER)) {
      clearInterval(powerTimer);
      powerTimer = null;
      return;
    }
    // (not into a runtime still starting: its start would fail and the board with it)
    if (heap32 && addr && runtimeUp) raiseKeyboardInterrupt();
    else wakeWorker();
    // not while a fresh worker loads (heap32 is null until its interpreter exists)
    if (heap32 && performance.now() - powerStart > POWER_MS) {
      restartWorker().catch((e) => {
        process.stderr.write(`board worker restart failed: ${e && e.stack ? e.stack : e}\n`);
        event({ error: String(e && e.message ? e.message : e) });
        process.exit(1);
      });
    }
  };
  hit();
  if (!powerTimer) powerTimer = setInterval(hit, 5);
}

// Terminate the worker (wherever it runs: V8 stops even a WebAssembly loop) and start a fresh
// one, which boots cold with the files of the flash folder (files not yet written there, ones
// open for writing, are lost, as with a real power cut; a board without a flash folder starts
// empty). POWER stays set until the new worker clears it. The shared rings go on (board.js
// starts at OUT_W and IN_R); the words the old worker owned are cleared, as is what this
// thread knew about its interpreter.
async function restartWorker() {
  const old = worker;
  worker = null;
  heap32 = null; // (also what keeps the power switch from calling this again meanwhile)
  runtimeUp = false;
  addr = null;
  sched = null;
  armDeadline(null);
  if (kickTimer) clearTimeout(kickTimer);
  kickTimer = null;
  const oldControl = control;
  // wait until it has stopped: a worker still running could write into the shared words and
  // rings after they were cleared for the new one
  try {
    await old.terminate();
  } catch {
    // it ended anyway
  }
  oldControl.port1.close();
  for (const i of [L.BLOCKED, L.SCHED_FUNC, L.SCHED_WANT, L.SCHED_BUSY, L.PINS_SEEN]) {
    Atomics.store(ctl, i, 0);
  }
  powerStart = performance.now();
  startWorker(true);
  // the pins and parts keep the levels the host gave them; the new worker counts these pin
  // commands from 0 (PINS_SEEN), so the count here starts again too
  pinCommands = 0;
  for (const cmd of inputs.values()) {
    control.port1.postMessage(cmd);
    if (cmd.pin !== undefined) pinCommands++;
  }
  // the old worker may have been stopped between taking the host's "waiting for output" flag
  // and telling it so: look at the ring now (it sets the flag again if there is nothing)
  drainOutput();
}

// Wake the worker wherever it waits: time.sleep / idle (WAKE) or a read of input (IN_W).
function wakeWorker() {
  Atomics.add(ctl, L.WAKE, 1);
  Atomics.notify(ctl, L.WAKE);
  Atomics.notify(ctl, L.IN_W);
}

// Interrupt characters that arrived while no code ran (the interrupt character was off): if code
// starts before the worker reads them, they still stop it, as the UART interrupt would.
let lateInterrupts = [];
let lateTimer = null;

function checkLateInterrupts() {
  const r = Atomics.load(ctl, L.IN_R);
  const w = Atomics.load(ctl, L.IN_W);
  const unread = (pos) => ((pos - r) & L.IDX_MASK) < ((w - r) & L.IDX_MASK);
  lateInterrupts = lateInterrupts.filter((p) => unread(p.pos));
  const ic = interruptChar();
  if (ic >= 0) {
    const hit = lateInterrupts.find((p) => p.byte === ic);
    if (hit) {
      Atomics.store(ctl, L.SKIP, hit.pos);
      if (unread(hit.pos)) raiseKeyboardInterrupt();
      lateInterrupts = lateInterrupts.filter((p) => p !== hit);
    }
  }
  if (!lateInterrupts.length && lateTimer) {
    clearInterval(lateTimer);
    lateTimer = null;
  }
}

// ------------------------------------------------------------------ input

let pendingInput = []; // Buffers not yet in the ring (ring full)

function pushInput() {
  while (pendingInput.length) {
    const chunk = pendingInput[0];
    let w = Atomics.load(ctl, L.IN_W);
    const r = Atomics.load(ctl, L.IN_R);
    const free = L.IN_SIZE - ((w - r) & L.IDX_MASK);
    if (free <= 0) break;
    const n = Math.min(free, chunk.length);
    for (let i = 0; i < n; i++) {
      inRing[w & (L.IN_SIZE - 1)] = chunk[i];
      w = (w + 1) & L.IDX_MASK;
    }
    Atomics.store(ctl, L.IN_W, w);
    Atomics.notify(ctl, L.IN_W);
    if (n === chunk.length) pendingInput.shift();
    else pendingInput[0] = chunk.subarray(n);
  }
  if (pendingInput.length) {
    process.stdin.pause();
    setTimeout(pushInput, 2);
  } else {
    process.stdin.resume();
  }
}

process.stdin.on("data", (data) => {
  const ic = interruptChar();
  let start = 0;
  let queued = 0;
  const parts = [];
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (ic >= 0 && b === ic) {
      parts.push(data.subarray(start, i));
      start = i + 1;
      raiseKeyboardInterrupt();
    }
  }
  parts.push(data.subarray(start));
  // Remember where Ctrl-C bytes (3) land in the ring, for checkLateInterrupts().
  if (ic < 0 && !pendingInput.length) {
    const w = Atomics.load(ctl, L.IN_W);
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) {
        if (part[i] === 3) lateInterrupts.push({ pos: (w + queued + i) & L.IDX_MASK, byte: 3 });
      }
      queued += part.length;
    }
    if (lateInterrupts.length && !lateTimer) lateTimer = setInterval(checkLateInterrupts, 5);
  }
  for (const part of parts) if (part.length) pendingInput.push(Buffer.from(part));
  pushInput();
});
process.stdin.on("end", () => process.exit(0));

// ------------------------------------------------------------------ output

let outRead = 0;
let draining = false;

// Copy the worker's output to stdout until the ring is empty, then sleep until the worker
// sends a message (see publish() in board.js).
async function drainOutput() {
  if (draining) return;
  draining = true;
  try {
    for (;;) {
      let w = Atomics.load(ctl, L.OUT_W);
      if (w === outRead) {
        Atomics.store(ctl, L.HOST_WAITING, 1);
        w = Atomics.load(ctl, L.OUT_W);
        if (w === outRead) return;
        Atomics.store(ctl, L.HOST_WAITING, 0);
      }
      const n = (w - outRead) & L.IDX_MASK;
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) chunk[i] = outRing[(outRead + i) & (L.OUT_SIZE - 1)];
      outRead = w;
      Atomics.store(ctl, L.OUT_R, outRead);
      Atomics.notify(ctl, L.OUT_R);
      if (!process.stdout.write(chunk)) {
        await new Promise((resolve) => process.stdout.once("drain", resolve));
      }
    }
  } finally {
    draining = false;
  }
}

drainOutput();

// (no SIGUSR2 on Windows)
if (process.platform !== "win32") process.on("SIGUSR2", () => {
  process.stderr.write(
    `state ctl=${Array.from(ctl)} outRead=${outRead} pending=${pendingInput.length} ` +
      `late=${lateInterrupts.length} intChar=${interruptChar()}\n`,
  );
});
