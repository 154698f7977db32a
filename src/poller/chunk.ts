// A list cut into calls of at most `size` (the API's limit of ids per call).
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < list.length; k += size) out.push(list.slice(k, k + size));
  return out;
}
