// Where Chromium comes from: PUBLICA_CHROMIUM when set (a system browser), else the headless Chromium shipped
// inside the @sparticuz/chromium npm package, unpacked to the temp folder on first use. So a machine with only
// Node and npm prints PDFs and runs the browser tests; nothing is installed with apt.
import type { LaunchOptions } from 'playwright-core';

/**
 * Flags for a headless browser on a closed network, as root. The package's own list is for serverless hosts
 * (--single-process, web security off): a long-lived browser with several contexts is steadier without them.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

let unpacked: Promise<string> | undefined;

/** The browser binary: PUBLICA_CHROMIUM, or the npm package's (unpacked once per process). */
export function chromiumExecutable(): Promise<string> {
  const configured = process.env.PUBLICA_CHROMIUM;
  if (configured) return Promise.resolve(configured);
  unpacked ??= import('@sparticuz/chromium')
    .then(({ default: packaged }) => packaged.executablePath())
    .catch((error: Error) => {
      unpacked = undefined;
      throw error;
    });
  return unpacked;
}

/** Launch options for playwright-core's chromium.launch. */
export async function chromiumLaunchOptions(extraArgs: string[] = []): Promise<LaunchOptions> {
  return { executablePath: await chromiumExecutable(), headless: true, args: [...FLAGS, ...extraArgs] };
}
