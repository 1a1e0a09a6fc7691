/**
 * Waits until `condition` holds, asking at most `attempts` times, 100 ms apart; whether it came to hold.
 * For the hooks of files that wait on other processes (expect.poll is for inside tests).
 */
export async function until(condition: () => Promise<boolean>, attempts = 300): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
