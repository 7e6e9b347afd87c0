/**
 * A page that reads a PDF in a Web Worker, as the editor's I/O worker does, and keeps every
 * message the worker sent: `readInWorker(name)` fetches the file and gives both back.
 */
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const messages: unknown[] = [];
let waiting: ((data: unknown) => void) | undefined;
worker.onmessage = (event: MessageEvent) => {
  messages.push(event.data);
  waiting?.(event.data);
};

async function readInWorker(name: string): Promise<{ result: unknown; messages: unknown[] }> {
  const bytes = new Uint8Array(await (await fetch(name)).arrayBuffer());
  const result = await new Promise((resolve) => {
    waiting = resolve;
    worker.postMessage(bytes, [bytes.buffer]);
  });
  return { result, messages: [...messages] };
}

(window as unknown as { readInWorker: typeof readInWorker }).readInWorker = readInWorker;
