// The virtual board's files, kept in a host folder (see ARCHITECTURE.md, "ide.simulator").
// board.js (the worker) calls these as the flash VFS (board_flash.py) reports changes.

import fs from "node:fs";
import nodePath from "node:path";

// Board file names are any text; host folders refuse some characters and names (Windows):
// those are written as %XX ("%" itself too), so every board name maps to one host name.
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;
export function hostName(name) {
  let out = name.replace(
    /[%\\:*?"<>|\x00-\x1f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  if (RESERVED.test(out)) out = `%${out.charCodeAt(0).toString(16)}${out.slice(1)}`;
  if (/[. ]$/.test(out)) out = `${out.slice(0, -1)}%${out.charCodeAt(out.length - 1).toString(16)}`;
  return out;
}

export function boardName(name) {
  return name.replace(/%([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

// flashDir: the host folder ("" = keep nothing); getFS(): the current interpreter's FS
export function hostFlash(flashDir, getFS) {
  const staging = flashDir ? `${flashDir}.staging` : ""; // whole-file writes land here first
  // files written since their last sync and not closed yet: synced when the REPL waits for
  // input again (the command that wrote them ended), and at a soft reset
  const openWriters = new Set();
  const hostPath = (p) => nodePath.join(flashDir, ...p.split("/").filter(Boolean).map(hostName));
  const failed = (what, e) =>
    process.stderr.write(`keeping the board's files on the host: ${what}: ${e}\n`);

  // Make the host copy of one flash path what the board has now (file, folder, or gone).
  function sync(p) {
    openWriters.delete(p);
    if (!flashDir) return;
    const FS = getFS();
    const mem = `/flash${p}`;
    const host = hostPath(p);
    let st = null;
    try {
      st = FS.stat(mem);
    } catch {}
    try {
      if (!st) fs.rmSync(host, { recursive: true, force: true });
      else if (FS.isDir(st.mode)) mirrorDir(FS, mem, host);
      else {
        fs.mkdirSync(staging, { recursive: true });
        const tmp = nodePath.join(staging, `${process.pid}-${Date.now()}`);
        fs.writeFileSync(tmp, FS.readFile(mem));
        fs.renameSync(tmp, host); // atomic: a crash leaves the old or the new file, never half
      }
    } catch (e) {
      failed(p, e);
    }
  }

  function mirrorDir(FS, mem, host) {
    fs.mkdirSync(host, { recursive: true });
    const names = new Set();
    for (const name of FS.readdir(mem)) {
      if (name === "." || name === "..") continue;
      names.add(hostName(name));
      const child = `${mem}/${name}`;
      const target = nodePath.join(host, hostName(name));
      if (FS.isDir(FS.stat(child).mode)) mirrorDir(FS, child, target);
      else fs.writeFileSync(target, FS.readFile(child));
    }
    for (const name of fs.readdirSync(host)) {
      if (!names.has(name)) fs.rmSync(nodePath.join(host, name), { recursive: true, force: true });
    }
  }

  function rename(oldPath, newPath) {
    if (!flashDir) return;
    try {
      fs.rmSync(hostPath(newPath), { recursive: true, force: true });
      fs.renameSync(hostPath(oldPath), hostPath(newPath));
    } catch {
      sync(oldPath);
      sync(newPath);
    }
  }

  // The host folder -> the fresh interpreter's /flash (at power-on).
  function load(host = flashDir, mem = "/flash") {
    if (!flashDir) return;
    const FS = getFS();
    let entries;
    try {
      entries = fs.readdirSync(host, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = `${mem}/${boardName(e.name)}`;
      try {
        if (e.isDirectory()) {
          FS.mkdir(child);
          load(nodePath.join(host, e.name), child);
        } else if (e.isFile()) {
          FS.writeFile(child, fs.readFileSync(nodePath.join(host, e.name)));
        }
      } catch (err) {
        failed(child, err);
      }
    }
  }

  return {
    dirty: (p) => openWriters.add(p),
    sync,
    rename,
    load,
    hasOpenWriters: () => openWriters.size > 0,
    syncOpenWriters() {
      for (const p of [...openWriters]) sync(p);
    },
  };
}
