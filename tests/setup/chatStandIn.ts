/**
 * A stand-in for an OpenAI-compatible chat server, for the tests of the model-made draft: a Node
 * http server on 127.0.0.1 on a free port, started and stopped by the test. It speaks the same
 * protocol as the real thing — `POST /v1/chat/completions` answering a chat completion whose
 * message content is the JSON the test scripts, `GET /v1/models` listing models — checks the
 * `Authorization: Bearer <key>` header (401 when it is missing or wrong), answers CORS preflights
 * for the app's origin, and records every request it sees. Nothing here reaches the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly origin: string | undefined;
  /** The parsed JSON body of a POST (undefined otherwise or when it is not JSON). */
  readonly body: unknown;
}

/** What the stand-in answers to a chat completion. */
export type StandInReply =
  /** A completion whose message content is this value as JSON (or this string as it is). */
  | { readonly content: unknown; readonly finishReason?: string }
  /** A refusal (structured outputs' `message.refusal`). */
  | { readonly refusal: string }
  /** An HTTP error status with a JSON error body. */
  | { readonly status: number }
  /** This body, as it is, with status 200. */
  | { readonly raw: string };

export interface StandInOptions {
  /** The key the server accepts; with none, any request is accepted. */
  readonly key?: string;
  /** The origin allowed by CORS (the app's); `*` by default. */
  readonly allowOrigin?: string;
  /** The models `GET /v1/models` lists. */
  readonly models?: readonly string[];
  /** The answer to a chat completion, from the request's body. */
  readonly reply: (body: ChatBody) => StandInReply;
}

/** The parts of a chat completion request the scripts read. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: unknown };
  };
}

export interface ChatStandIn {
  /** The base URL to configure, `http://127.0.0.1:<port>/v1`. */
  readonly endpoint: string;
  readonly requests: SeenRequest[];
  /** Replaces the script (e.g. to answer the next request differently). */
  setReply(reply: StandInOptions['reply']): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts the stand-in on a free loopback port. */
export async function startChatStandIn(options: StandInOptions): Promise<ChatStandIn> {
  const requests: SeenRequest[] = [];
  let reply = options.reply;
  const models = options.models ?? ['stand-in-model'];

  const send = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(body);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const path = (request.url ?? '/').split('?')[0]!;
      requests.push({
        method: request.method ?? '',
        path,
        authorization: request.headers.authorization,
        origin: request.headers.origin,
        body,
      });
      response.setHeader('Access-Control-Allow-Origin', options.allowOrigin ?? '*');
      response.setHeader('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
          'Access-Control-Allow-Private-Network': 'true',
          'Access-Control-Max-Age': '0',
        });
        response.end();
        return;
      }
      if (options.key !== undefined && request.headers.authorization !== `Bearer ${options.key}`) {
        send(
          response,
          401,
          JSON.stringify({
            error: {
              message: 'Incorrect API key provided.',
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          }),
        );
        return;
      }
      if (request.method === 'GET' && path === '/v1/models') {
        send(
          response,
          200,
          JSON.stringify({
            object: 'list',
            data: models.map((id) => ({ id, object: 'model', owned_by: 'stand-in' })),
          }),
        );
        return;
      }
      if (request.method !== 'POST' || path !== '/v1/chat/completions') {
        send(
          response,
          404,
          JSON.stringify({ error: { message: `No route ${request.method} ${path}` } }),
        );
        return;
      }
      const chat = body as ChatBody;
      if (!models.includes(chat.model)) {
        send(
          response,
          404,
          JSON.stringify({ error: { message: `The model ${chat.model} does not exist.` } }),
        );
        return;
      }
      const answer = reply(chat);
      if ('status' in answer) {
        send(
          response,
          answer.status,
          JSON.stringify({ error: { message: `Scripted ${answer.status}` } }),
        );
        return;
      }
      if ('raw' in answer) {
        send(response, 200, answer.raw);
        return;
      }
      const message =
        'refusal' in answer
          ? { role: 'assistant', content: null, refusal: answer.refusal }
          : {
              role: 'assistant',
              content:
                typeof answer.content === 'string'
                  ? answer.content
                  : JSON.stringify(answer.content),
              refusal: null,
            };
      send(
        response,
        200,
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 1_790_000_000,
          model: chat.model,
          choices: [
            {
              index: 0,
              message,
              finish_reason: 'finishReason' in answer ? answer.finishReason : 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    requests,
    setReply(next) {
      reply = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A scripted answer for a text: units given by their words (found in the text, or invented),
 * the central claim and links by the units' indices. Ids are `a1`, `a2`, … in the given order.
 */
export function scriptedAnswer(
  units: readonly { text: string; kind: string }[],
  central: number,
  links: readonly { premises: readonly number[]; to: number; relation: 'supports' | 'attacks' }[],
) {
  const id = (i: number) => `a${i + 1}`;
  return {
    units: units.map((u, i) => ({ id: id(i), text: u.text, kind: u.kind })),
    central: id(central),
    links: links.map((l) => ({ premises: l.premises.map(id), to: id(l.to), relation: l.relation })),
  };
}
