// Makes sure the server tests have what they need: Debian's redis-server (the two-instance test
// of the sync server starts its own on a free port). As root it installs it with apt-get;
// otherwise it names the one command to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const REDIS = '/usr/bin/redis-server';
const PACKAGES = 'redis-server';

if (existsSync(REDIS)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The sync-server tests need Debian's redis-server. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y ${PACKAGES}\n`,
  );
  process.exit(1);
}
console.log(`Installing ${PACKAGES} for the sync-server tests…`);
execSync(
  `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${PACKAGES}`,
  {
    stdio: 'inherit',
    shell: '/bin/bash',
  },
);
