// Runs a command and measures its wall time, CPU time and peak resident memory. CPU and memory come
// from GNU time (Debian package `time`); without it only the wall time is measured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

export function measure(command, args, options = {}) {
  const start = process.hrtime.bigint();
  if (existsSync(GNU_TIME)) {
    const result = spawnSync(GNU_TIME, ['-f', '\n@@measure %e %U %S %M', command, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const match = /@@measure ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr);
    return {
      stdout: result.stdout,
      status: result.status,
      wallMs,
      cpuMs: match ? (Number(match[2]) + Number(match[3])) * 1000 : NaN,
      peakRssKb: match ? Number(match[4]) : NaN,
    };
  }
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { stdout: result.stdout, status: result.status, wallMs: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: NaN, peakRssKb: NaN };
}
