/** A server process's memory and CPU from /proc (Linux), for the collaboration load script. */
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** The process whose command line contains `marker` (e.g. a server's unique data folder). */
export function findPid(marker: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(marker) && !cmdline.includes('/bin/sh')) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`No process has "${marker}" in its command line.`);
}

/** Resident memory in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kb) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(kb[1]) * 1024;
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system) the process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Samples a process's RSS until stopped: the peak, for memory under load. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
    } catch {
      // Gone: keep the peak seen.
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peak = Math.max(peak, rssBytes(pid));
      } catch {
        // Gone.
      }
      return peak;
    },
  };
}

/** 1-minute load average, to print beside timings. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
