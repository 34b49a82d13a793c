// Runs a command and measures its wall time, CPU time and peak resident memory. CPU and memory come
// from GNU time (Debian package `time`); without it only the wall time is measured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

// Output is collected as bytes and decoded after the clock stops: decoding the 80 MB JSON report of
// 300 documents took the harness 150-200 ms, which is not the tool's time.
export function measure(command, args, options = {}) {
  const start = process.hrtime.bigint();
  if (existsSync(GNU_TIME)) {
    const result = spawnSync(GNU_TIME, ['-f', '\n@@measure %e %U %S %M', command, ...args], {
      ...options,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const match = /@@measure ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr.toString('utf8'));
    return {
      stdout: result.stdout.toString('utf8'),
      status: result.status,
      wallMs,
      cpuMs: match ? (Number(match[2]) + Number(match[3])) * 1000 : NaN,
      peakRssKb: match ? Number(match[4]) : NaN,
    };
  }
  const result = spawnSync(command, args, { ...options, encoding: 'buffer', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { stdout: result.stdout.toString('utf8'), status: result.status, wallMs, cpuMs: NaN, peakRssKb: NaN };
}
