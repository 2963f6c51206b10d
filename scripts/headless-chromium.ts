import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/*
 * Headless Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
 * ended by NUL on fds 3 and 4), so the report test and the screenshot script need no browser
 * package and no network port. The page is loaded from a file with a throwaway profile and
 * networking off: the report must render from the file alone.
 */

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary: $CHROMIUM, else Debian's chromium or another usual path; undefined if none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Installs Debian's chromium with scripts/install-chromium.sh when missing; the reason when it cannot. */
export function ensureChromium(): { browser?: string; reason?: string } {
  const found = findChromium();
  if (found) return { browser: found };
  const script = join(import.meta.dirname, 'install-chromium.sh');
  const run = spawnSync('bash', [script], { encoding: 'utf8', timeout: 540_000 });
  const browser = findChromium();
  if (browser) return { browser };
  return { reason: (run.stderr || run.stdout || 'install-chromium.sh failed').trim().split('\n').pop() };
}

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export class HeadlessPage {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private waiters: Array<{ method: string; resolve: () => void }> = [];
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    private sessionId = '',
  ) {
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static async open(browser: string): Promise<HeadlessPage> {
    const profile = mkdtempSync(join(tmpdir(), 'credlink-chromium-'));
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--remote-debugging-pipe', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', '--font-render-hinting=none', `--user-data-dir=${profile}`, 'about:blank'];
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const page = new HeadlessPage(child, profile);
    const { targetInfos } = (await page.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string }> };
    const target = targetInfos.find((t) => t.type === 'page');
    const targetId = target ? target.targetId : ((await page.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string }).targetId;
    page.sessionId = ((await page.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }).sessionId;
    await page.send('Page.enable');
    return page;
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; result?: Record<string, unknown>; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) p?.reject(new Error(message.error.message));
        else p?.resolve(message.result ?? {});
      } else if (message.method) {
        const ready = this.waiters.filter((w) => w.method === message.method);
        this.waiters = this.waiters.filter((w) => w.method !== message.method);
        for (const w of ready) w.resolve();
      }
    }
  }

  send(method: string, params: object = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const output = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      output.write(`${JSON.stringify({ id, method, params, ...(this.sessionId ? { sessionId: this.sessionId } : {}) })}\0`);
    });
  }

  private event(method: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ method, resolve }));
  }

  /** Loads a file at a viewport width (CSS px) and waits for its load event. */
  async load(file: string, width: number, height = 900): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    const loaded = this.event('Page.loadEventFired');
    await this.send('Page.navigate', { url: pathToFileURL(file).href });
    await loaded;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(`evaluate failed: ${result.exceptionDetails.text}`);
    return result.result.value;
  }

  /** PNGs of the page at the current width: the whole page, or tiles of `tile` px height. */
  async screenshots(tile?: number): Promise<Buffer[]> {
    const { width, height } = await this.evaluate<{ width: number; height: number }>('({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight })');
    const step = tile ?? height;
    const shots: Buffer[] = [];
    for (let y = 0; y < height; y += step) {
      const clip = { x: 0, y, width, height: Math.min(step, height - y), scale: 1 };
      const shot = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip })) as { data: string };
      shots.push(Buffer.from(shot.data, 'base64'));
    }
    return shots;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
