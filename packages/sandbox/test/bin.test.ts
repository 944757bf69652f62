// The immut-sandbox command as users start it: the compiled bin in its own process.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../lib/bin.js', import.meta.url));

describe('immut-sandbox bin', () => {
  it('prints its endpoint first, answers AWS calls there, and stops on SIGTERM', async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
    const child = spawn(process.execPath, [BIN, '--port', '0', '--seed', 'default'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('exited before printing its endpoint')));
      });
      const match = /^IMMUT_SANDBOX_ENDPOINT=(http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
      expect(match).not.toBeNull();
      const health = await fetch(`${match?.[1]}/_sandbox/health`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
