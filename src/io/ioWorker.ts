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

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, result: runIo(data.task) });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      ok: false,
      error: String((error as Error)?.message ?? error),
    });
  }
};
