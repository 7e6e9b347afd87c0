/**
 * The I/O Web Worker: imports (decoding, parsing, validating and converting a file) and exports
 * (Argdown, AIF, Markdown, SVG, native JSON, a backup) run here, so that no file within the limits
 * blocks the editor's main thread. It answers with plain data; `app/ioClient.ts` talks to it.
 */
import { runIo, type IoReply, type IoRequest } from './ioTasks';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IoRequest>) => void) | null;
  postMessage(reply: IoReply): void;
};

scope.onmessage = async ({ data }) => {
  try {
    const result = await runIo(data.task);
    // A map's sources (most of a large map) go one message each, so the page takes each in
    // with a short task rather than the whole map with one long one.
    if (typeof result === 'object' && result.kind === 'map') {
      for (const source of result.map.sources) scope.postMessage({ id: data.id, source });
      const map = { ...result.map, sources: [] };
      scope.postMessage({ id: data.id, ok: true, result: { ...result, map } });
      return;
    }
    scope.postMessage({ id: data.id, ok: true, result });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      ok: false,
      error: String((error as Error)?.message ?? error),
    });
  }
};
