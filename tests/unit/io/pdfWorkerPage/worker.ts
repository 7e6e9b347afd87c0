/** Reads the PDF it is sent and answers with the extraction, and where pdf.js parsed it. */
import { pdfParsesIn, readPdf } from '../../../../src/io/formats/pdf';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Uint8Array>) => void) | null;
  postMessage(data: unknown): void;
};

scope.onmessage = ({ data }) => {
  readPdf(data).then(
    async (result) => scope.postMessage({ ...result, parsedIn: await pdfParsesIn() }),
    (error: unknown) => scope.postMessage({ thrown: String(error) }),
  );
};
