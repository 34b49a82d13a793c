import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, toolMissingMessage } from './externalTools.js';

/** Flags for a quiet, offline headless Chromium: no sandbox (CI runs as root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (`.ci/run` installs it); Playwright's own browser downloads are not used. */
export function chromiumExecutable(): string {
  const found = spawnSync('which', ['chromium'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  if (path === '') throw new Error(toolMissingMessage(CHROMIUM));
  return path;
}

export interface Browser {
  context: BrowserContext;
  /** URLs other than file:// the pages asked for; they are refused. */
  networkRequests: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile that refuses every request but file:// ones and records them. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'apistyle-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const networkRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    networkRequests.push(url);
    return route.abort();
  });
  return {
    context,
    networkRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a report and waits until its script has drawn the table and the charts; page errors fail the wait. */
export async function openReport(browser: Browser, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 }).catch((error: Error) => {
    throw new Error(`${error.message}; page errors: ${errors.join(' | ') || 'none'}`);
  });
  return { page, errors };
}
