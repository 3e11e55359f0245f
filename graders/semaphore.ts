/** At most `limit` holders at once; the rest wait in arrival order. Call the returned release once. */
export function semaphore(limit: number): () => Promise<() => void> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active -= 1;
    const next = waiting.shift();
    if (next) next();
  };
  return () =>
    new Promise((resolve) => {
      const start = () => {
        active += 1;
        resolve(release);
      };
      if (active < limit) start();
      else waiting.push(start);
    });
}
