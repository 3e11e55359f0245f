/** Runs once when the Next.js server starts; the grading consumer only exists in the Node.js runtime. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startInAppGrading } = await import('./db/grading/in-app');
    await startInAppGrading();
  }
}
