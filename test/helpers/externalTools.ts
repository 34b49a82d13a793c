// The real programs some suites drive: a user's editor, browser and hook manager. On a developer's
// machine without them those suites skip (the global setup prints one line naming the Debian
// package); under CI=true, where `.ci/run` installs them, a missing one fails the suite instead.
import { spawnSync } from 'node:child_process';
import { describe } from 'vitest';

export interface ExternalTool {
  /** The command the tests run. */
  command: string;
  /** Debian's package that provides it. */
  debianPackage: string;
  /** What the suites that need it test, for the notice. */
  suites: string;
}

export const NEOVIM: ExternalTool = { command: 'nvim', debianPackage: 'neovim', suites: 'the Neovim editor test' };
export const CHROMIUM: ExternalTool = { command: 'chromium', debianPackage: 'chromium', suites: 'the HTML report tests in a browser' };
export const PRE_COMMIT: ExternalTool = { command: 'pre-commit', debianPackage: 'pre-commit', suites: 'the pre-commit hook test' };

export const EXTERNAL_TOOLS: readonly ExternalTool[] = [NEOVIM, CHROMIUM, PRE_COMMIT];

const found = new Map<string, boolean>();

export function isInstalled(tool: ExternalTool): boolean {
  let installed = found.get(tool.command);
  if (installed === undefined) {
    installed = spawnSync(tool.command, ['--version'], { stdio: 'ignore' }).status === 0;
    found.set(tool.command, installed);
  }
  return installed;
}

/** CI runs every suite: there, a missing tool is a broken machine, not a reason to skip. */
export function mustRunEverything(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Whether the suites that drive `tool` are skipped on this machine. */
export function skipsWithout(tool: ExternalTool): boolean {
  return !isInstalled(tool) && !mustRunEverything();
}

/** The one-line notice for a missing tool. */
export function missingToolNotice(tool: ExternalTool): string {
  return mustRunEverything()
    ? `${tool.command} is not installed: ${tool.suites} fails when it runs (CI is set): apt-get install ${tool.debianPackage}`
    : `${tool.command} is not installed: ${tool.suites} skips when it runs (apt-get install ${tool.debianPackage})`;
}

/** A `describe` whose tests need `tool`: skipped without it, except under CI=true, where they fail. */
export function describeWithTool(tool: ExternalTool, name: string, body: () => void): void {
  describe.skipIf(skipsWithout(tool))(name, body);
}

/** The message of the assertion that fails a suite under CI=true when its tool is missing. */
export function toolMissingMessage(tool: ExternalTool): string {
  return `${tool.command} is not installed (Debian package ${tool.debianPackage}; .ci/run installs it)`;
}
