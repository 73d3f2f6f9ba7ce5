// Runs once when the server starts: refuse to serve in production without required settings.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseToStartWithoutRequiredEnv } = await import("./server/start-checks");
    refuseToStartWithoutRequiredEnv();
  }
}
