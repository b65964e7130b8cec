// Runs the browser tests: checks for a browser first (with install instructions when there is none),
// builds the app, then hands over to Playwright, whose global setup serves the build on a free port.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

try {
  process.env.CHROME_PATH = findChromium();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build')) run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
