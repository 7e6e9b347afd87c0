/** An ELK instance that runs in the calling thread (Node: CLI, build scripts, tests). */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';

export function createElk(): ElkApi {
  return new ELK();
}
