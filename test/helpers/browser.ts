// Debian's Chromium driven by playwright-core (no browser download): the console's end-to-end
// tests. Screenshots go to test-output/console/ (kept out of git; CI can archive it).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'console');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM)
    throw new Error(
      'Chromium is not installed: apt-get install -y chromium (the README install command does it)',
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Saves a full-page screenshot named after the test step; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in form, as a person would. */
export async function signInWithKey(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(/API key|API 키/).fill(key);
  await page.getByRole('button', { name: /Sign in|로그인/ }).click();
  await page.getByTestId('who').waitFor({ state: 'attached' });
}
