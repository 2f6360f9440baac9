// A binding (`bind:name`) written as data, for panels whose props are built in code (PanelCard
// spreads them): Svelte treats a prop with a setter as bound and writes the child's changes back.

/** `props` with `key` read from `get` and written back through `set`, like `bind:key`. */
export function withBinding<P extends object, K extends string, V>(
  props: P,
  key: K,
  get: () => V,
  set: (value: V) => void,
): P & Record<K, V> {
  return Object.defineProperty(props, key, {
    get,
    set,
    enumerable: true,
    configurable: true,
  }) as P & Record<K, V>;
}
