#!/usr/bin/env node
// The image's health check: exit 0 when the studio on this container's PORT answers /api/health.
// Plain Node (no curl in the slim image), with a timeout shorter than Docker's.
const port = process.env.PORT ?? '5170';
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) {
    console.error(`studio unhealthy: /api/health answered ${response.status}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`studio unreachable on port ${port}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
