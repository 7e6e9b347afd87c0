/** Reads the PDF it is sent and answers with the extraction. */
import { readPdf } from '../../../../src/io/formats/pdf';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Uint8Array>) => void) | null;
  postMessage(data: unknown): void;
};

scope.onmessage = ({ data }) => {
  readPdf(data).then(
    (result) => scope.postMessage(result),
    (error: unknown) => scope.postMessage({ thrown: String(error) }),
  );
};
