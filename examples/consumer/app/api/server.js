// The example api: a small HTTP server, shipped to the image as bake-image's artifact
// (examples/consumer/app/api → $IMMUT_APP_DIR/api) and run by systemd as api.service
// (roles/api/provision.sh). Its configuration is the release's flags, which
// launch-behind-lb writes to /etc/immut/app.env; systemd passes them as the environment
// (EnvironmentFile=), so this file only reads process.env.
import http from 'node:http';

const PORT = Number(process.env.PORT || 8080);
const RELEASE = process.env.RELEASE || 'unknown';
const LOG_LEVEL = process.env.LOG_LEVEL || 'info';

/** What the server tells about itself: never a secret (flags carry ARNs, not values). */
function about() {
  return {
    role: process.env.ROLE || 'api',
    env: process.env.ENV || 'unknown',
    build: process.env.BUILD || 'unknown',
    release: RELEASE,
    dbEndpoint: process.env.DB_ENDPOINT || null,
  };
}

function log(level, message) {
  if (level === 'debug' && LOG_LEVEL !== 'debug') return;
  process.stdout.write(`${new Date().toISOString()} ${level} ${message}\n`);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url || '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, release: RELEASE }));
    return;
  }
  if (req.method === 'GET' && url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(about()));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
});

server.listen(PORT, () => log('info', `api ${RELEASE} listening on ${PORT}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    log('info', `${signal}: closing`);
    server.close(() => process.exit(0));
  });
}
