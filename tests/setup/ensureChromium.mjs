// Makes sure the browser tests have what they need: Debian's Chromium and a CJK font.
// As root it installs them with apt-get; otherwise it names the one command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = 'chromium fonts-noto-cjk';

function hasCjkFont() {
  try {
    return /Noto Sans CJK/i.test(
      execSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  } catch {
    return false;
  }
}

if (existsSync(CHROMIUM) && hasCjkFont()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The browser tests need Debian's Chromium and a CJK font. Install them with:\n\n  sudo apt-get update && sudo apt-get install -y ${PACKAGES}\n`,
  );
  process.exit(1);
}
console.log(`Installing ${PACKAGES} for the browser tests…`);
execSync(
  `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGES}`,
  {
    stdio: 'inherit',
    shell: '/bin/bash',
  },
);
