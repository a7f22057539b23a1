// A small round-robin HTTP load balancer for the capacity benchmark: what an
// ingress or a Kubernetes Service does in front of stateless API replicas.
//   node bench/load-balancer.ts <port> <upstream port> [<upstream port> ...]
// (run through tsx). Keep-alive connections to every upstream; an upstream that
// fails a request is answered 502 for that request only.
import http from 'node:http';

const [portText, ...upstreamTexts] = process.argv.slice(2);
const port = Number(portText);
const upstreams = upstreamTexts.map(Number);
if (!Number.isInteger(port) || upstreams.length === 0 || upstreams.some((value) => !Number.isInteger(value))) {
  console.error('usage: load-balancer.ts <port> <upstream port> [<upstream port> ...]');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = http.createServer((request, response) => {
  const upstream = upstreams[next++ % upstreams.length]!;
  const forwarded = http.request(
    { host: '127.0.0.1', port: upstream, method: request.method, path: request.url, headers: request.headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
    response.end('{"error":"upstream failed"}');
  });
  request.pipe(forwarded);
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
