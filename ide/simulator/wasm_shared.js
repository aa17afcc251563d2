// Rewrites a WebAssembly binary so that its own (defined) linear memory is declared shared.
// A shared memory lives in a SharedArrayBuffer, which lets the host thread poke the
// interpreter's "pending KeyboardInterrupt" words while Python code is busy in the worker.

function readU32(bytes, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function writeU32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

const MAX_PAGES = 32768; // 2 GiB, emscripten's usual ceiling

/** Return a copy of `bytes` whose memory section declares a shared memory with a maximum. */
export function makeMemoryShared(bytes) {
  bytes = new Uint8Array(bytes);
  let pos = 8; // magic + version
  const parts = [bytes.subarray(0, 8)];
  let patched = false;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, bodyStart] = readU32(bytes, pos + 1);
    const bodyEnd = bodyStart + size;
    if (id === 5 && !patched) {
      let p = bodyStart;
      const [count, p1] = readU32(bytes, p);
      p = p1;
      if (count !== 1) throw new Error(`expected one memory, found ${count}`);
      const flags = bytes[p++];
      const [min, p2] = readU32(bytes, p);
      p = p2;
      let max = MAX_PAGES;
      if (flags & 1) {
        [max, p] = readU32(bytes, p);
      }
      const body = [...writeU32(1), 0x03, ...writeU32(min), ...writeU32(max)];
      parts.push(new Uint8Array([5, ...writeU32(body.length), ...body]));
      patched = true;
    } else {
      parts.push(bytes.subarray(pos, bodyEnd));
    }
    pos = bodyEnd;
  }
  if (!patched) throw new Error("no memory section to share");
  const total = parts.reduce((n, a) => n + a.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const a of parts) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}
