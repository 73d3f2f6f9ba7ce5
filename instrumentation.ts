// Runs once when the server starts: refuse to serve in production without required settings,
// record each request's socket address (sign-in throttling), print the first-run setup link.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartWithoutRequiredEnv, printSetupLinkWhileNoAdmin } = await import("./server/start-checks");
    const { recordPeerAddresses } = await import("./server/http/peer-address");
    refuseToStartWithoutRequiredEnv();
    recordPeerAddresses();
    await printSetupLinkWhileNoAdmin();
  }
}
