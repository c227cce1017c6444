import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver on loopback for the db tests: records each request and answers as the test says
// ("hang": never answers, for timeouts). `closeTestReceivers` in afterAll stops every one started.

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type ReceiverReply = { status: number; headers?: Record<string, string> } | "hang";

const started: http.Server[] = [];

export async function startTestReceiver(answer: (request: ReceivedRequest, index: number) => ReceiverReply): Promise<{ url: string; received: ReceivedRequest[]; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const entry = { headers: request.headers, body };
      received.push(entry);
      const reply = answer(entry, received.length - 1);
      if (reply === "hang") return;
      response.writeHead(reply.status, reply.headers).end(reply.status < 300 ? "ok" : "nope");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  started.push(server);
  const close = async () => {
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close };
}

export async function closeTestReceivers(): Promise<void> {
  const servers = started.splice(0);
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.filter((server) => server.listening).map((server) => new Promise((resolve) => server.close(resolve))));
}
