import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// Two webhook receivers on loopback for the webhook comparison (issue #16: a slow or dead endpoint
// never slows the queue): one answers 204 after SLOW_ANSWER_MS, one accepts the connection and
// never answers (the endpoint's timeout ends each attempt).

export const SLOW_ANSWER_MS = 3_000;

export interface WebhookReceivers {
  slowUrl: string;
  deadUrl: string;
  /** Deliveries the slow receiver answered. */
  slowAnswered: () => number;
  /** Requests the dead receiver received and left hanging. */
  deadHeld: () => number;
  close: () => Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

export async function startWebhookReceivers(): Promise<WebhookReceivers> {
  let slowAnswered = 0;
  let deadHeld = 0;
  const sockets = new Set<Socket>();
  const slow = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on("end", () => {
      setTimeout(() => {
        slowAnswered += 1;
        response.writeHead(204).end();
      }, SLOW_ANSWER_MS);
    });
  });
  const dead = createServer((request: IncomingMessage) => {
    deadHeld += 1;
    request.resume();
  });
  for (const server of [slow, dead]) server.on("connection", (socket) => (sockets.add(socket), socket.on("close", () => sockets.delete(socket))));
  const [slowUrl, deadUrl] = await Promise.all([listen(slow), listen(dead)]);
  return {
    slowUrl,
    deadUrl,
    slowAnswered: () => slowAnswered,
    deadHeld: () => deadHeld,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([slow, dead].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
