import { describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, NO_CHROMIUM, SYSTEM_CHROMIUMS } from './chromium.mjs';

const OWN = '/home/me/.cache/ms-playwright/chromium-1/chrome';

function probes(files: string[], env: Record<string, string> = {}) {
  return { env, exists: (path: string) => files.includes(path), playwrightPath: () => OWN };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then a system Chromium, then Playwright’s own', () => {
    const all = ['/opt/c', SYSTEM_CHROMIUMS[2], OWN];
    expect(findChromium(probes(all, { CHROMIUM_PATH: '/opt/c' }))).toEqual({
      path: '/opt/c',
      source: 'CHROMIUM_PATH',
    });
    expect(findChromium(probes(all))).toEqual({ path: SYSTEM_CHROMIUMS[2], source: 'system' });
    expect(findChromium(probes([OWN]))).toEqual({ path: OWN, source: 'playwright' });
    expect(findChromium(probes([]))).toBeNull();
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of looking elsewhere', () => {
    expect(() => findChromium(probes([OWN], { CHROMIUM_PATH: '/nope' }))).toThrow(/\/nope/);
  });
});

describe('ensureChromium', () => {
  /** A machine where `installs` lists which commands would put a Chromium in place. */
  function machine(options: { installs: string[]; root: boolean; debian: boolean }) {
    const ran: string[] = [];
    let installed = false;
    const installers = {
      find: () => (installed ? { path: '/usr/bin/chromium', source: 'system' as const } : null),
      run: (command: string, args: string[]) => {
        const line = `${command} ${args.join(' ')}`;
        ran.push(line);
        if (options.installs.some((prefix) => line.startsWith(prefix))) installed = true;
        return installed || !line.startsWith('npx');
      },
      isRoot: () => options.root,
      isDebian: () => options.debian,
      log: () => {},
    };
    return { installers, ran };
  }

  it('installs nothing when a Chromium is there', () => {
    const { installers, ran } = machine({ installs: [], root: true, debian: true });
    installers.find = () => ({ path: '/x', source: 'system' });
    expect(ensureChromium(installers).path).toBe('/x');
    expect(ran).toEqual([]);
  });

  it('tries Playwright’s download before apt', () => {
    const { installers, ran } = machine({ installs: ['npx'], root: true, debian: true });
    expect(ensureChromium(installers).path).toBe('/usr/bin/chromium');
    expect(ran).toEqual(['npx playwright install chromium']);
  });

  it('falls back to apt-get as root on Debian when the download fails', () => {
    const { installers, ran } = machine({
      installs: ['apt-get install'],
      root: true,
      debian: true,
    });
    expect(ensureChromium(installers).path).toBe('/usr/bin/chromium');
    expect(ran.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'npx playwright',
      'apt-get update',
      'apt-get install',
    ]);
  });

  it('stops with one message naming the options when nothing works', () => {
    for (const [root, debian] of [
      [false, true],
      [true, false],
      [true, true],
    ]) {
      const { installers, ran } = machine({ installs: [], root, debian });
      expect(() => ensureChromium(installers)).toThrow(NO_CHROMIUM);
      expect(ran.some((line) => line.startsWith('apt-get'))).toBe(root && debian);
    }
  });
});
