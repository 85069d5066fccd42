/**
 * Runs once when a Pooldeck server starts: a bad or missing configuration variable stops the server
 * with a message that names it, instead of failing later inside a page.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigOrExit } = await import("./instrumentation-node");
    await validateConfigOrExit();
  }
}
