// Runs once when the server starts: refuse to serve in production without required settings,
// record each request's socket address (sign-in throttling), let the ticks it runs give way to
// its requests, print the first-run setup link.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartWithoutRequiredEnv, printSetupLinkWhileNoAdmin } = await import("./server/start-checks");
    const { recordPeerAddresses } = await import("./server/http/peer-address");
    const { shareThreadWithRequests } = await import("./server/sync/let-others-run");
    refuseToStartWithoutRequiredEnv();
    recordPeerAddresses();
    shareThreadWithRequests();
    await printSetupLinkWhileNoAdmin();
  }
}
