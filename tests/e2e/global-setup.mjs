// Serves the production build with `vite preview` on a free port for the whole run,
// and stops it at the end (the returned function is Playwright's teardown).
import { preview } from 'vite';

export default async function globalSetup() {
  const server = await preview({
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  process.env.E2E_BASE_URL = `http://127.0.0.1:${address.port}`;
  return async () => {
    await server.close();
  };
}
